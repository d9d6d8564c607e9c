package org.lorkit.it.browser;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attending on a phone: opens the kit from the link in the email they received, downloads the
 * combined PDF, and confirms with one button; the page says so and offers an undo.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttendingBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkitWithTests();
    }

    @Test
    void the_attending_opens_the_kit_from_the_email_downloads_the_pdf_and_confirms() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String kitLink = http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/lorkit-it/fixtures/sent-kit"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(kitLink).startsWith("http://localhost:8080/a/kit.xhtml?t=");

        try (Browser browser = new Browser()) {
            browser.resize(390, 900);
            browser.open(kitLink);
            browser.waitForVisible(By.id("kit-title"));
            assertThat(browser.text(By.id("kit-title"))).isEqualTo("Letter kit for Amara Okafor");
            assertThat(browser.text(By.id("kit"))).contains("Followed six patients daily");
            browser.screenshot("attending-kit-390");

            String pdfUrl = browser.attribute(By.id("kit-pdf"), "href");
            HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(pdfUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
            try (PDDocument kit = Loader.loadPDF(pdf.body())) {
                assertThat(kit.getNumberOfPages()).as("cover, 2-page CV, 1-page statement").isEqualTo(4);
            }

            browser.click(By.id("answers:confirm"));
            browser.waitForText(By.id("answers"), "You confirmed that you will write the letter. Thank you.");
            assertThat(browser.count(By.id("answers:undo"))).isEqualTo(1);
            browser.screenshot("attending-confirmed-390");
        }
    }
}
