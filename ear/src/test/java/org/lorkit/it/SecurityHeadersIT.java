package org.lorkit.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of response the application serves (pages of each role, the attending's link pages, static
 * resources, logos, a page that does not exist) says: no sniffing, no framing by anyone, no referrer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {
    private static final String APP = "http://localhost:8080";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    @Test
    void every_response_forbids_sniffing_framing_and_referrers() {
        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
        responses.put("staff home", TestKeycloak.page("/", "staff@bridgeway.example"));
        responses.put("dashboard", TestKeycloak.page("/agency/dashboard.xhtml", "staff@bridgeway.example"));
        responses.put("settings", TestKeycloak.page("/agency/settings.xhtml", "admin@bridgeway.example"));
        responses.put("student home", TestKeycloak.page("/student/home.xhtml", "amara.okafor@student.example"));
        responses.put("operator", TestKeycloak.page("/operator/agencies.xhtml", "operator@lorkit.example"));
        responses.put("forbidden page", TestKeycloak.page("/operator/agencies.xhtml", "amara.okafor@student.example"));
        responses.put("missing page", TestKeycloak.page("/no-such-page.xhtml", "staff@bridgeway.example"));
        responses.put("attending link, unknown token", anonymous("/a/kit.xhtml?t=not-a-token"));
        responses.put("stylesheet", anonymous("/jakarta.faces.resource/css/lorkit.css.xhtml"));
        responses.put("logo of no agency", anonymous("/logo/no-such-agency"));

        responses.forEach((what, response) -> {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(what).contains("DENY");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(
                    csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("Referrer-Policy")).as(what).contains("no-referrer");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what + ": plain HTTP gets no HSTS").isEmpty();
        });
        assertThat(responses.get("dashboard").statusCode()).isEqualTo(200);
        assertThat(responses.get("forbidden page").statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> anonymous(String path) {
        return TestKeycloak.send(HttpRequest.newBuilder(URI.create(APP + path)).header("Accept", "text/html").build());
    }
}
