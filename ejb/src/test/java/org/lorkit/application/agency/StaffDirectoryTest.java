package org.lorkit.application.agency;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.Roles;
import org.lorkit.application.agency.StaffDirectory.StaffMember;
import org.lorkit.domain.agency.Agency;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory.Login;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffDirectoryTest {
    private static final Login DANA = new Login("u-dana", "dana@bridgeway.example", "dana@bridgeway.example", "Dana", "Whitfield", true);
    private static final Login OMAR = new Login("u-omar", "omar@bridgeway.example", "omar@bridgeway.example", "Omar", "Baptiste", true);
    private static final Login GONE = new Login("u-gone", "gone@bridgeway.example", "gone@bridgeway.example", "Gone", "Away", false);
    private static final Login ZOE = new Login("u-zoe", "zoe@harbor.example", "zoe@harbor.example", "Zoe", "Adams", true);
    private static final Login BOTH = new Login("u-both", "ana@both.example", "ana@both.example", "Ana", "Costa", true);

    /** Keycloak as the directory sees it: who holds which role, who is in which organization; counts the calls. */
    private static final class FakeKeycloak extends KeycloakDirectory {
        final AtomicInteger calls = new AtomicInteger();
        final Map<String, List<Login>> roles = Map.of(Roles.AGENCY_ADMIN, List.of(DANA, BOTH), Roles.AGENCY_STAFF, List.of(OMAR, DANA, GONE, ZOE));
        final Map<String, Set<String>> organizations = Map.of("u-dana", Set.of("org-bridgeway"), "u-omar", Set.of("org-bridgeway"),
                "u-gone", Set.of("org-bridgeway"), "u-zoe", Set.of("org-harbor"), "u-both", Set.of("org-bridgeway", "org-harbor"));

        @Override
        public Optional<String> organizationId(String alias) {
            calls.incrementAndGet();
            return alias.equals("no-organization") ? Optional.empty() : Optional.of("org-" + alias);
        }

        @Override
        public List<Login> realmRoleMembers(String role) {
            calls.incrementAndGet();
            return roles.get(role);
        }

        @Override
        public Set<String> organizationsOf(String userId) {
            calls.incrementAndGet();
            return organizations.get(userId);
        }

        @Override
        public Optional<Login> memberByLogin(String organizationId, String login) {
            calls.incrementAndGet();
            return roles.values().stream().flatMap(List::stream).distinct()
                    .filter(l -> l.username().equals(login) && organizations.get(l.id()).contains(organizationId)).findFirst();
        }

        @Override
        public Set<String> realmRolesOf(String userId) {
            calls.incrementAndGet();
            return Set.of(roles.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(l -> l.id().equals(userId)))
                    .map(Map.Entry::getKey).toArray(String[]::new));
        }
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-02T13:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final FakeKeycloak keycloak = new FakeKeycloak();
    private final MovingClock clock = new MovingClock();
    private final StaffDirectory directory = new StaffDirectory();

    @BeforeEach
    void setUp() {
        directory.keycloak = keycloak;
        directory.clock = clock;
        // Agency 1 is bridgeway, 2 harbor, 3 an agency without a Keycloak organization.
        Map<Long, Agency> agencies = Map.of(1L, agency("bridgeway"), 2L, agency("harbor"), 3L, agency("no-organization"));
        directory.platform = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EntityManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("find") && args[0] == Agency.class) {
                        return agencies.get((Long) args[1]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Agency agency(String slug) {
        return new Agency(slug, "Agency " + slug, null, "America/Chicago", Instant.EPOCH);
    }

    @Test
    void the_staff_are_the_enabled_holders_of_either_role_in_the_agencys_organization_by_name() {
        List<StaffMember> bridgeway = CurrentAgency.callAs(1, directory::staff);

        assertThat(bridgeway).containsExactly(
                new StaffMember("u-both", "ana@both.example", "Ana Costa", true),
                new StaffMember("u-dana", "dana@bridgeway.example", "Dana Whitfield", true),
                new StaffMember("u-omar", "omar@bridgeway.example", "Omar Baptiste", false));
        assertThat(CurrentAgency.callAs(1, directory::admins)).extracting(StaffMember::userId).containsExactly("u-both", "u-dana");
    }

    @Test
    void another_agencys_people_never_appear() {
        assertThat(CurrentAgency.callAs(2, directory::staff)).extracting(StaffMember::userId).containsExactly("u-both", "u-zoe");
        assertThat(CurrentAgency.callAs(3, directory::staff)).isEmpty();
        assertThat(CurrentAgency.callAs(99, directory::staff)).isEmpty();
        assertThatThrownBy(directory::staff).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void one_look_at_keycloak_serves_every_agency_for_a_minute() {
        CurrentAgency.callAs(1, directory::staff);
        // the organization id, both roles, and the organizations of each of the 4 enabled logins
        assertThat(keycloak.calls.get()).isEqualTo(1 + 2 + 4);

        CurrentAgency.callAs(2, directory::staff);
        CurrentAgency.callAs(1, directory::admins);
        clock.now = clock.now.plus(Duration.ofSeconds(59));
        CurrentAgency.callAs(1, directory::staff);
        assertThat(keycloak.calls.get()).as("harbor's organization id only").isEqualTo(8);

        clock.now = clock.now.plus(Duration.ofSeconds(1));
        CurrentAgency.callAs(1, directory::staff);
        assertThat(keycloak.calls.get()).isEqualTo(8 + 6);
    }

    @Test
    void a_clock_moved_back_or_a_change_by_lorkit_asks_again() {
        CurrentAgency.callAs(1, directory::staff);
        int first = keycloak.calls.get();

        directory.forget();
        CurrentAgency.callAs(1, directory::staff);
        assertThat(keycloak.calls.get()).isEqualTo(first + 6);

        clock.now = clock.now.minusSeconds(1);
        CurrentAgency.callAs(1, directory::staff);
        assertThat(keycloak.calls.get()).isEqualTo(first + 12);
    }

    @Test
    void a_login_is_found_only_among_its_own_agencys_enabled_staff() {
        assertThat(CurrentAgency.callAs(1, () -> directory.byLogin("omar@bridgeway.example")))
                .contains(new StaffMember("u-omar", "omar@bridgeway.example", "Omar Baptiste", false));
        assertThat(CurrentAgency.callAs(1, () -> directory.byLogin("dana@bridgeway.example")).map(StaffMember::admin)).contains(true);
        assertThat(CurrentAgency.callAs(2, () -> directory.byLogin("omar@bridgeway.example"))).isEmpty();
        assertThat(CurrentAgency.callAs(1, () -> directory.byLogin("gone@bridgeway.example"))).as("disabled").isEmpty();
        assertThat(CurrentAgency.callAs(1, () -> directory.byLogin(" "))).isEmpty();
    }

    @Test
    void a_login_without_a_name_is_named_by_its_email_or_username() {
        assertThat(StaffDirectory.member(new Login("u-1", "x", "x@agency.example", null, " ", true), false).fullName())
                .isEqualTo("x@agency.example");
        assertThat(StaffDirectory.member(new Login("u-2", "someone", null, "", null, true), false))
                .isEqualTo(new StaffMember("u-2", null, "someone", false));
        assertThat(StaffDirectory.member(new Login("u-3", "y", "y@agency.example", "Mary Ann", null, true), true).fullName())
                .isEqualTo("Mary Ann");
    }
}
