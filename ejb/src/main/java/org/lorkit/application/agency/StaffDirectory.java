package org.lorkit.application.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.lorkit.application.Roles;
import org.lorkit.domain.agency.Agency;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory.Login;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The agency's staff, as Keycloak knows them: the enabled logins with the agency-staff or agency-admin realm role
 * that are members of the agency's organization. Always those of the agency in context (CurrentAgency), never
 * another's; no caller role is needed, as timers ask too (the daily digest, the mail alerts to admins).
 * <p>
 * An organization's members are mostly students, thousands of them, so it is not read member by member: the holders
 * of the two staff roles are (a page of {@value KeycloakDirectory#ROLE_PAGE} per call), then each one's organizations
 * (one call per login). That look covers every agency at once and serves all of them for {@link #FRESH_FOR}: one
 * digest run over A agencies with S staff logins in the whole realm costs about 2 + 2·S/200 + S calls, not A times that
 * (plus one lookup of each agency's organization id, once per server start).
 */
@ApplicationScoped
public class StaffDirectory {
    private static final Logger LOG = Logger.getLogger(StaffDirectory.class.getName());
    /** How long one look at Keycloak serves: staff change rarely, and LorKit's own changes to them forget it at once. */
    static final Duration FRESH_FOR = Duration.ofMinutes(1);

    /** A member of the agency's staff: their Keycloak user id, where their mail goes, their name, and whether they are an admin. */
    public record StaffMember(String userId, String email, String fullName, boolean admin) implements Serializable {
    }

    @Inject
    KeycloakDirectory keycloak;
    @Inject
    Clock clock;
    @PersistenceContext(unitName = "lorkit")
    EntityManager platform;

    /** Each agency's organization id: neither an agency's slug nor its organization's id ever changes. */
    private final Map<Long, String> organizations = new ConcurrentHashMap<>();
    private final ReentrantLock looking = new ReentrantLock();
    /** Counts {@link #forget} calls, so a look that began before one is not kept as fresh. */
    private final AtomicLong forgotten = new AtomicLong();
    private volatile Snapshot snapshot;

    /** What Keycloak said at one moment: the staff of every organization, by organization id. */
    record Snapshot(Instant takenAt, Map<String, List<StaffMember>> byOrganization) {
        boolean freshAt(Instant now) {
            Duration age = Duration.between(takenAt, now);
            return !age.isNegative() && age.compareTo(FRESH_FOR) < 0;
        }
    }

    /** Enabled logins of the agency in context with the agency-staff or agency-admin realm role, by name. */
    public List<StaffMember> staff() {
        return organizationOfCurrentAgency().map(organization -> snapshot().byOrganization().getOrDefault(organization, List.of()))
                .orElse(List.of());
    }

    /** Those of {@link #staff()} who are admins. */
    public List<StaffMember> admins() {
        return staff().stream().filter(StaffMember::admin).toList();
    }

    /**
     * The staff member of the agency in context who signs in with this login (their Keycloak username or email),
     * asked of Keycloak now (two calls), so a page shows the truth rather than the last minute's.
     */
    public Optional<StaffMember> byLogin(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        return organizationOfCurrentAgency()
                .flatMap(organization -> keycloak.memberByLogin(organization, login.strip()))
                .filter(Login::enabled)
                .flatMap(found -> {
                    Set<String> roles = keycloak.realmRolesOf(found.id());
                    boolean admin = roles.contains(Roles.AGENCY_ADMIN);
                    return admin || roles.contains(Roles.AGENCY_STAFF) ? Optional.of(member(found, admin)) : Optional.empty();
                });
    }

    /** Forgets what Keycloak said, so the next question asks again: for when LorKit itself changed a staff login. */
    public void forget() {
        forgotten.incrementAndGet();
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current != null && current.freshAt(clock.instant())) {
            return current;
        }
        looking.lock();
        try {
            current = snapshot;
            if (current != null && current.freshAt(clock.instant())) {
                return current; // another thread looked while this one waited
            }
            long generation = forgotten.get();
            Instant takenAt = clock.instant();
            long started = System.nanoTime();
            Snapshot taken = new Snapshot(takenAt, index(keycloak.realmRoleMembers(Roles.AGENCY_ADMIN),
                    keycloak.realmRoleMembers(Roles.AGENCY_STAFF), keycloak::organizationsOf));
            if (forgotten.get() == generation) {
                snapshot = taken;
            }
            LOG.log(Level.FINE, "Read the staff of {0} organizations from Keycloak in {1} ms",
                    new Object[]{taken.byOrganization().size(), (System.nanoTime() - started) / 1_000_000});
            return taken;
        } finally {
            looking.unlock();
        }
    }

    /**
     * The staff of each organization, from the holders of the admin and the staff role: enabled logins only, each once
     * (an admin who also holds the staff role is one admin), each in every organization it is a member of, by name.
     */
    static Map<String, List<StaffMember>> index(List<Login> admins, List<Login> staff, Function<String, Set<String>> organizationsOf) {
        Map<String, Login> logins = new LinkedHashMap<>();
        Set<String> adminIds = new HashSet<>();
        for (Login login : admins) {
            if (login.enabled()) {
                logins.put(login.id(), login);
                adminIds.add(login.id());
            }
        }
        for (Login login : staff) {
            if (login.enabled()) {
                logins.putIfAbsent(login.id(), login);
            }
        }
        Map<String, List<StaffMember>> byOrganization = new HashMap<>();
        for (Login login : logins.values()) {
            StaffMember member = member(login, adminIds.contains(login.id()));
            for (String organization : organizationsOf.apply(login.id())) {
                byOrganization.computeIfAbsent(organization, o -> new ArrayList<>()).add(member);
            }
        }
        Comparator<StaffMember> byName = Comparator.comparing(StaffMember::fullName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(StaffMember::userId);
        byOrganization.replaceAll((organization, members) -> members.stream().sorted(byName).toList());
        return Map.copyOf(byOrganization);
    }

    /** The login as a staff member, named by first and last name, or by their email (or username) when Keycloak has no name. */
    static StaffMember member(Login login, boolean admin) {
        String name = Stream.of(login.firstName(), login.lastName()).filter(n -> n != null && !n.isBlank()).map(String::strip)
                .collect(Collectors.joining(" "));
        String email = login.email() == null || login.email().isBlank() ? null : login.email().strip();
        return new StaffMember(login.id(), email, name.isEmpty() ? (email != null ? email : login.username()) : name, admin);
    }

    private Optional<String> organizationOfCurrentAgency() {
        long agencyId = CurrentAgency.require();
        String known = organizations.get(agencyId);
        if (known != null) {
            return Optional.of(known);
        }
        Agency agency = platform.find(Agency.class, agencyId);
        if (agency == null) {
            return Optional.empty();
        }
        Optional<String> organization = keycloak.organizationId(agency.getSlug());
        organization.ifPresentOrElse(id -> organizations.put(agencyId, id),
                () -> LOG.log(Level.WARNING, "Agency {0} has no Keycloak organization: it has no staff to tell", agencyId));
        return organization;
    }
}
