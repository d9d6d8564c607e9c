package org.lorkit.it.roster;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.application.provisioning.ProvisioningService;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;
import org.lorkit.application.provisioning.Member;
import org.lorkit.infrastructure.keycloak.MemberPaging;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.KeycloakRealm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An agency with more logins than Keycloak hands out in one page: the People page's service lists every one of
 * them a page at a time, finds one by email, and disables (and enables) a login past the first thousand by id,
 * while another agency still cannot touch it.
 */
class PeopleDirectoryIT extends InsideLorKit {
    private static final int PEOPLE = 1_100;

    @Inject
    ProvisioningService provisioning;
    @Inject
    KeycloakDirectory keycloak;

    @Test
    void an_agency_with_1100_logins_pages_through_all_of_them_finds_number_1050_and_disables_it_by_id() {
        AgencyView agency = fixtures.agency();
        AgencyView other = fixtures.agency();
        String organizationId = keycloak.organizationId(agency.slug()).orElseThrow();
        String prefix = Fixtures.unique("crowd");
        // Zero-padded, so that Keycloak's order (by username, which is the email) is the numbers' order.
        List<String> emails = IntStream.rangeClosed(1, PEOPLE).mapToObj(n -> "%s-%04d@people.example".formatted(prefix, n)).toList();

        Instant started = Instant.now();
        Map<String, String> ids = KeycloakRealm.addMembers(organizationId, emails);
        Duration setUp = Duration.between(started, Instant.now());
        System.out.println("PeopleDirectoryIT: " + PEOPLE + " members made in Keycloak in " + setUp.toMillis() + " ms");
        try {
            long count = as.admin(agency.id(), () -> provisioning.countMembers(null));
            assertThat(count).isEqualTo(PEOPLE);

            List<Member> everyone = new ArrayList<>();
            for (int first = 0; first < count; first += MemberPaging.MAX_PAGE) {
                int from = first;
                everyone.addAll(as.admin(agency.id(), () -> provisioning.members(null, from, MemberPaging.MAX_PAGE)));
            }
            assertThat(everyone).as("every page, none twice").hasSize(PEOPLE)
                    .extracting(Member::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids.values());
            String number1050 = emails.get(1_049);
            Member found = everyone.stream().filter(m -> m.email().equals(number1050)).findFirst().orElseThrow();
            assertThat(found.id()).isEqualTo(ids.get(number1050));
            assertThat(found.enabled()).isTrue();

            assertThat(as.admin(agency.id(), () -> provisioning.members(number1050, 0, 25)))
                    .singleElement().satisfies(m -> assertThat(m.id()).isEqualTo(found.id()));
            assertThat(as.admin(agency.id(), () -> provisioning.countMembers(number1050))).isEqualTo(1);
            assertThat(as.admin(agency.id(), () -> provisioning.countMembers(prefix)))
                    .as("a search matching more than a thousand is counted in full").isEqualTo(PEOPLE);

            assertThatThrownBy(() -> as.admin(other.id(), () -> provisioning.disableMember(found.id())))
                    .isInstanceOf(DomainException.class).hasMessage("No member with id " + found.id());
            assertThat(as.admin(other.id(), () -> provisioning.members(number1050, 0, 25))).as("another agency's search").isEmpty();
            assertThat(as.admin(other.id(), () -> provisioning.countMembers(number1050))).isZero();

            Member disabled = as.admin(agency.id(), () -> provisioning.disableMember(found.id()));
            assertThat(disabled.email()).isEqualTo(number1050);
            assertThat(disabled.enabled()).isFalse();
            assertThat(as.admin(agency.id(), () -> provisioning.members(number1050, 0, 25)))
                    .singleElement().satisfies(m -> assertThat(m.enabled()).isFalse());

            assertThatThrownBy(() -> as.admin(other.id(), () -> provisioning.enableMember(found.id())))
                    .isInstanceOf(DomainException.class).hasMessage("No member with id " + found.id());
            as.admin(agency.id(), () -> provisioning.enableMember(found.id()));
            assertThat(as.admin(agency.id(), () -> provisioning.members(number1050, 0, 25)))
                    .singleElement().satisfies(m -> assertThat(m.enabled()).isTrue());
        } finally {
            KeycloakRealm.deleteUsers(ids.values());
        }
    }
}
