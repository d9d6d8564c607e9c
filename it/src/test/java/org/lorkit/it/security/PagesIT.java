package org.lorkit.it.security;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.rotation.AskWindow;
import org.lorkit.domain.shared.Labels;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.KeycloakRealm;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as the demo users see them, logged in through the real Keycloak without a browser (direct
 * grant, bearer token): each lands on their own start page, sees their own agency and nothing else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PagesIT {
    private static final String APP = "http://localhost:8080";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    private static HttpResponse<String> get(String page, String user) {
        return KeycloakRealm.page(page, user);
    }

    @Test
    void anonymous_visitors_are_sent_to_keycloak_with_pkce() {
        HttpResponse<String> page = get("/agency/overview.xhtml", null);

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString()
                .startsWith(KeycloakRealm.REALM + "/protocol/openid-connect/auth")
                .contains("client_id=lorkit-portal").contains("code_challenge=").contains("code_challenge_method=S256");
    }

    @Test
    void an_ajax_request_without_a_session_gets_401_not_a_redirect_it_cannot_follow() {
        HttpResponse<String> response = KeycloakRealm.send(HttpRequest.newBuilder(URI.create(APP + "/student/home.xhtml"))
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.partial.ajax=true")).build());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void staff_land_on_their_agency_overview_with_only_their_agency() {
        HttpResponse<String> home = get("/", "staff@bridgeway.example");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).get().asString().endsWith("/agency/overview.xhtml");

        HttpResponse<String> overview = get("/agency/overview.xhtml", "staff@bridgeway.example");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body())
                .contains("Bridgeway Clinical Rotations").contains("Internal Medicine - Match").contains("Family Medicine - Match")
                .doesNotContain("Northstar").doesNotContain("Pediatrics - Match").doesNotContain("Li Na");
    }

    @Test
    void the_other_agencys_staff_see_only_theirs() {
        String body = get("/agency/overview.xhtml", "staff@northstar.example").body();

        assertThat(body).contains("Northstar USCE").contains("Pediatrics - Match").contains("Li Na")
                .doesNotContain("Bridgeway").doesNotContain("Amara Okafor");
    }

    @Test
    void every_ask_window_phase_and_several_letter_states_are_visible_to_staff() {
        String body = get("/agency/overview.xhtml", "admin@bridgeway.example").body();

        // In words, never as the constants (issue 18).
        assertThat(body).contains(Labels.of(AskWindow.Phase.IDEAL), Labels.of(AskWindow.Phase.ACCEPTABLE), Labels.of(AskWindow.Phase.LATE),
                Labels.of(AskWindow.Phase.POOR), Labels.of(AskWindow.Phase.TOO_EARLY));
        assertThat(body).contains("Ends in 4 days: the ideal time to ask");
        // States no other test changes (the student ask browser test answers Amara's PLANNED request).
        assertThat(body).contains(Labels.of(LetterState.ASKED), Labels.of(LetterState.STRONG_YES), Labels.of(LetterState.LUKEWARM),
                Labels.of(LetterState.REMINDED_1), Labels.of(LetterState.SUBMITTED));
        assertThat(body).doesNotContain("TOO_EARLY", "STRONG_YES", "REMINDED_1");
    }

    @Test
    void a_student_sees_their_own_rotations_and_letters_and_not_the_staff_pages() {
        HttpResponse<String> home = get("/student/home.xhtml", "amara.okafor@student.example");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Amara Okafor").contains("Medical Center").contains("Dr. Anjali Patel")
                .doesNotContain("Rahul Mehta").doesNotContain("Chen Wei");

        assertThat(get("/agency/overview.xhtml", "amara.okafor@student.example").statusCode()).isEqualTo(403);
        assertThat(get("/operator/agencies.xhtml", "amara.okafor@student.example").statusCode()).isEqualTo(403);
    }

    @Test
    void the_platform_operator_sees_every_agency_and_no_agency_data() {
        HttpResponse<String> page = get("/operator/agencies.xhtml", "operator@lorkit.example");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("bridgeway").contains("northstar");
        assertThat(get("/agency/overview.xhtml", "operator@lorkit.example").statusCode()).isEqualTo(403);
    }

    @Test
    void an_unknown_page_gets_the_friendly_error_page_without_a_stack_trace() {
        HttpResponse<String> page = get("/no-such-page.xhtml", "staff@bridgeway.example");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("This page could not be shown").doesNotContain("at org.");
    }
}
