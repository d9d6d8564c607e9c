package org.lorkit.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The first page, fetched as a browser would: the demo agency's cohorts, ask windows and letters at "/". */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoPageIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:8080" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_home_page_lists_the_demo_agencys_cohorts() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Bridgeway Clinical Rotations (demo)")
                .contains("Internal Medicine - Match").contains("Family Medicine - Match")
                .contains("primefaces").doesNotContain("Exception");
    }

    @Test
    void every_ask_window_phase_and_several_letter_states_are_visible() throws Exception {
        String body = get("/").body();

        assertThat(body).contains("IDEAL", "ACCEPTABLE", "LATE", "POOR", "TOO_EARLY");
        assertThat(body).contains("Ends in 4 days: the ideal time to ask");
        assertThat(body).contains("PLANNED", "ASKED", "STRONG_YES", "LUKEWARM", "REMINDED_1", "SUBMITTED");
    }

    @Test
    void an_unknown_page_gets_the_friendly_error_page_without_a_stack_trace() throws Exception {
        HttpResponse<String> page = get("/no-such-page.xhtml");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("This page could not be shown").doesNotContain("at org.");
    }
}
