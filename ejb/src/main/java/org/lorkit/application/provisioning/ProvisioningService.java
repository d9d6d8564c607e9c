package org.lorkit.application.provisioning;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.application.agency.NewAgency;
import org.lorkit.application.student.NewStudent;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;
import org.lorkit.infrastructure.keycloak.MemberPaging;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything that must exist in LorKit and in Keycloak together. Keycloak is called first; if the
 * LorKit transaction then fails or rolls back, what was made in Keycloak is removed again, so neither
 * side is left half-made, and the person sees why.
 */
@Stateless
public class ProvisioningService {
    private static final Logger LOG = Logger.getLogger(ProvisioningService.class.getName());

    @Inject
    private KeycloakDirectory keycloak;
    // Not the tenant's: creates agencies, so reads across them.
    @PersistenceContext(unitName = "lorkit")
    private EntityManager platform;
    @Inject
    private TenantData tenant;
    @Inject
    private StudentService students;
    @Inject
    private Clock clock;
    @Inject
    private org.lorkit.application.agency.StaffDirectory staffDirectory;
    @Resource
    private TransactionSynchronizationRegistry transaction;

    /** A new agency: the LorKit row and its Keycloak organization (alias = slug). */
    @RolesAllowed(Roles.PLATFORM_OPERATOR)
    public AgencyView createAgency(@NotNull @Valid NewAgency agency) {
        Agency created = new Agency(agency.slug(), agency.name(), agency.replyTo(), agency.timeZone(), clock.instant());
        boolean taken = !platform.createNamedQuery("Agency.findBySlug", Agency.class)
                .setParameter("slug", created.getSlug()).getResultList().isEmpty();
        if (taken) {
            throw new DomainException("slug", "An agency with slug \"" + agency.slug() + "\" already exists");
        }
        String organizationId = keycloak.createOrganization(created.getSlug(), created.getName(), created.getSlug() + ".lorkit.invalid");
        undoIfRolledBack("organization " + created.getSlug(), () -> keycloak.deleteOrganization(organizationId));
        platform.persist(created);
        platform.flush();
        LOG.info(() -> "Created agency " + created.getSlug() + " with its Keycloak organization");
        return AgencyView.of(created);
    }

    /** Staff of the admin's own agency: a login with the agency-staff role and an email to set a password. */
    @RolesAllowed(Roles.AGENCY_ADMIN)
    public Member inviteStaff(@NotBlank(message = "email is required") @Email(message = "email is not a valid email address") String email,
                              @NotBlank(message = "firstName is required") @Size(max = 100) String firstName,
                              @NotBlank(message = "lastName is required") @Size(max = 100) String lastName) {
        Member invited = invite(email.strip().toLowerCase(java.util.Locale.ROOT), firstName, lastName, Roles.AGENCY_STAFF);
        staffDirectory.forget(); // the digest and the mail alerts reach the new staff member from now on
        return invited;
    }

    /** A student: enrolled in the cohort, with a login in the agency and an email to set a password. */
    @RolesAllowed({Roles.AGENCY_ADMIN, Roles.AGENCY_STAFF})
    public StudentView inviteStudent(@NotNull @Valid NewStudent student) {
        StudentView enrolled = students.enroll(student);
        String[] names = enrolled.fullName().split("\\s+", 2);
        Member login = invite(enrolled.email(), names[0], names.length > 1 ? names[1] : "-", Roles.STUDENT);
        tenant.require(org.lorkit.domain.student.Student.class, enrolled.id(), "studentId").linkLogin(login.id());
        return enrolled;
    }

    /**
     * One page of the people of the admin's own agency, as Keycloak knows them (by username): everyone, or
     * those whose email, first or last name starts with each word of the search (Keycloak's own search).
     */
    @RolesAllowed(Roles.AGENCY_ADMIN)
    public List<Member> members(@Size(max = 100, message = "search is at most 100 characters") String search,
                                @PositiveOrZero(message = "first cannot be negative") int first,
                                @Min(value = 1, message = "max must be at least 1")
                                @Max(value = MemberPaging.MAX_PAGE, message = "max is at most " + MemberPaging.MAX_PAGE) int max) {
        return keycloak.members(organizationOfCurrentAgency(), search, first, max).stream().map(Member::of).toList();
    }

    /** How many people of the admin's own agency there are, or match the search, for the pages of {@link #members}. */
    @RolesAllowed(Roles.AGENCY_ADMIN)
    public long countMembers(@Size(max = 100, message = "search is at most 100 characters") String search) {
        return keycloak.countMembers(organizationOfCurrentAgency(), search);
    }

    /** Disables the login of a member of the admin's own agency, by id; nobody else's. */
    @RolesAllowed(Roles.AGENCY_ADMIN)
    public Member disableMember(@NotBlank(message = "userId is required") String userId) {
        Member disabled = Member.of(keycloak.setLoginEnabled(organizationOfCurrentAgency(), userId, false));
        staffDirectory.forget();
        LOG.info(() -> "Disabled the login " + userId + " of agency " + tenant.agencyId());
        return disabled;
    }

    /** Enables again the login of a member of the admin's own agency, by id; nobody else's. */
    @RolesAllowed(Roles.AGENCY_ADMIN)
    public Member enableMember(@NotBlank(message = "userId is required") String userId) {
        Member enabled = Member.of(keycloak.setLoginEnabled(organizationOfCurrentAgency(), userId, true));
        staffDirectory.forget();
        LOG.info(() -> "Enabled the login " + userId + " of agency " + tenant.agencyId());
        return enabled;
    }

    private Member invite(String email, String firstName, String lastName, String role) {
        String organizationId = organizationOfCurrentAgency();
        String userId = keycloak.invite(organizationId, email, firstName.strip(), lastName.strip(), role);
        undoIfRolledBack("login " + email, () -> keycloak.deleteUser(userId));
        return new Member(userId, email, firstName, lastName, true);
    }

    private String organizationOfCurrentAgency() {
        Agency agency = tenant.agency();
        return keycloak.organizationId(agency.getSlug()).orElseThrow(() ->
                new DomainException("Your agency has no Keycloak organization yet; ask the LorKit platform operator"));
    }

    /** Removes what was made in Keycloak when this transaction does not commit. */
    private void undoIfRolledBack(String what, Runnable undo) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    try {
                        undo.run();
                        LOG.info(() -> "Rolled back: removed the Keycloak " + what);
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "Could not remove the Keycloak " + what + " after a rollback", e);
                    }
                }
            }
        });
    }
}
