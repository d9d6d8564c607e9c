package org.lorkit.it.provisioning;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lorkit.application.agency.AgencyService;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.application.agency.NewAgency;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.provisioning.ProvisioningService;
import org.lorkit.application.student.NewStudent;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;
import org.lorkit.application.provisioning.Member;
import org.lorkit.infrastructure.keycloak.MemberPaging;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.InsideLorKit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Agencies and people are made in LorKit and in the real Keycloak together, or not at all. */
class ProvisioningIT extends InsideLorKit {
    @Inject
    ProvisioningService provisioning;
    @Inject
    AgencyService agencies;
    @Inject
    StudentService students;
    @Inject
    KeycloakDirectory keycloak;

    @Test
    void a_new_agency_gets_its_keycloak_organization() {
        AgencyView agency = fixtures.agency();

        assertThat(keycloak.organizationId(agency.slug())).isPresent();
        assertThat(as.operator(() -> agencies.findBySlug(agency.slug()))).contains(agency);
    }

    @Test
    void when_keycloak_refuses_the_organization_no_agency_is_stored_and_the_reason_is_shown() {
        String slug = Fixtures.unique("taken");
        keycloak.createOrganization(slug, "Made elsewhere", slug + ".example");

        assertThatThrownBy(() -> as.operator(() -> provisioning.createAgency(new NewAgency(slug, "Late Agency", null, "UTC"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("Keycloak already has an organization \"" + slug + "\"");
        assertThat(as.operator(() -> agencies.findBySlug(slug))).isEmpty();
    }

    @Test
    void an_invited_student_is_enrolled_is_a_member_of_the_agency_and_gets_the_set_password_email() throws Exception {
        AgencyView agency = fixtures.agency();
        String email = Fixtures.unique("invitee") + "@student.example";

        StudentView invited = as.admin(agency.id(), () -> {
            CohortView cohort = fixtures.cohort();
            return provisioning.inviteStudent(new NewStudent(cohort.id(), "Nia Mensah", email, "University of Ghana", "Ghana", null, null));
        });

        assertThat(as.staff(agency.id(), () -> students.find(invited.id()))).isPresent();
        List<Member> members = as.admin(agency.id(), () -> provisioning.members(null, 0, MemberPaging.MAX_PAGE));
        assertThat(members).singleElement().satisfies(m -> {
            assertThat(m.email()).isEqualTo(email);
            assertThat(m.firstName()).isEqualTo("Nia");
            assertThat(m.enabled()).isTrue();
        });
        assertThat(mailsTo(email)).contains("Update Password").contains("/realms/lorkit/login-actions/action-token");
    }

    @Test
    void an_invitation_for_an_email_that_already_has_a_login_is_refused_and_nothing_is_enrolled() {
        AgencyView agency = fixtures.agency();
        String email = Fixtures.unique("twice") + "@student.example";
        CohortView cohort = as.admin(agency.id(), () -> fixtures.cohort());
        as.admin(agency.id(), () -> provisioning.inviteStaff(email, "Kofi", "Boateng"));

        assertThatThrownBy(() -> as.admin(agency.id(), () -> provisioning.inviteStudent(
                new NewStudent(cohort.id(), "Kofi Boateng", email, null, null, null, null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("already has a login");
        assertThat(as.staff(agency.id(), () -> students.listByCohort(cohort.id()))).isEmpty();
        assertThat(as.admin(agency.id(), () -> provisioning.members(null, 0, MemberPaging.MAX_PAGE))).hasSize(1);
    }

    @Test
    void a_disabled_member_can_no_longer_log_in_and_another_agency_cannot_disable_them() {
        AgencyView agency = fixtures.agency();
        AgencyView other = fixtures.agency();
        Member staff = as.admin(agency.id(), () -> provisioning.inviteStaff(Fixtures.unique("leaving") + "@agency.example", "Ama", "Owusu"));

        assertThatThrownBy(() -> as.admin(other.id(), () -> {
            provisioning.disableMember(staff.id());
            return null;
        })).isInstanceOf(DomainException.class).hasMessage("No member with id " + staff.id());
        assertThat(as.admin(agency.id(), () -> provisioning.members(null, 0, MemberPaging.MAX_PAGE))).singleElement().satisfies(m -> assertThat(m.enabled()).isTrue());

        as.admin(agency.id(), () -> {
            provisioning.disableMember(staff.id());
            return null;
        });
        assertThat(as.admin(agency.id(), () -> provisioning.members(null, 0, MemberPaging.MAX_PAGE))).singleElement().satisfies(m -> assertThat(m.enabled()).isFalse());
    }

    /** What the local mail server (GreenMail, started by the build) received for the address. */
    private static String mailsTo(String email) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:8025/api/user/" + email + "/messages/")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
