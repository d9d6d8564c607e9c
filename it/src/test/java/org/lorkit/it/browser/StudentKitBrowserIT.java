package org.lorkit.it.browser;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.Labels;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.KeycloakRealm;
import org.lorkit.it.support.SamplePdfs;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student who has a yes builds the kit: a renamed program is refused as a CV, a real PDF is kept, the
 * summary gets its bullets, the writer is ticked as entered in ERAS, and the kit shows as the attending will see it.
 * On a phone and on a desktop.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StudentKitBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {390, 1280})
    void from_login_to_a_kit_ready_to_send(int width) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "uploads"));
        Path exe = Files.write(folder.resolve("cv.pdf.exe"), "MZ this is a program".getBytes(StandardCharsets.ISO_8859_1));
        Path huge = folder.resolve("cv-50mb.pdf");
        if (!Files.exists(huge) || Files.size(huge) != 50L * 1024 * 1024) {
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
                file.write("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
                file.setLength(50L * 1024 * 1024);
            }
        }
        Path cv = Files.write(folder.resolve("yusuf-cv.pdf"), SamplePdfs.pages(2, "Yusuf Demir CV"));
        Path statement = Files.write(folder.resolve("yusuf-statement.pdf"), SamplePdfs.pages(1, "Yusuf Demir personal statement"));

        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open("http://localhost:8080/student/kit.xhtml");
            browser.logIn("yusuf.demir@student.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/student/kit.xhtml");

            browser.type(By.id("cv-form:file"), exe.toAbsolutePath().toString());
            browser.click(By.id("cv-form:upload"));
            browser.waitForText(By.id("cv-form"), "This is not a PDF");
            browser.screenshot("kit-upload-refused-" + width);

            // 50 MB: the container takes it (spooled to disk) and the page says why, next to the field
            browser.type(By.id("cv-form:file"), huge.toAbsolutePath().toString());
            browser.click(By.id("cv-form:upload"));
            browser.waitForText(By.id("cv-form"), "The file is 50 MB; the limit is 5 MB");

            browser.type(By.id("cv-form:file"), cv.toAbsolutePath().toString());
            browser.click(By.id("cv-form:upload"));
            browser.waitForText(By.id("documents"), "yusuf-cv.pdf");
            assertThat(browser.text(By.id("messages"))).contains("Saved yusuf-cv.pdf as version");
            int versions = browser.count(By.xpath("//*[@id='documents']//a[text()='yusuf-cv.pdf']"));
            browser.refresh();
            assertThat(browser.count(By.xpath("//*[@id='documents']//a[text()='yusuf-cv.pdf']")))
                    .as("reloading after an upload stores nothing twice").isEqualTo(versions);

            browser.type(By.id("statement-form:file"), statement.toAbsolutePath().toString());
            browser.click(By.id("statement-form:upload"));
            browser.waitForText(By.id("documents"), "yusuf-statement.pdf");

            browser.clear(By.id("summary-form:bullets"));
            browser.type(By.id("summary-form:bullets"), "Followed four to six patients a day in clinic\nPresented two cases at the weekly conference\n"
                    + "Wrote visit notes reviewed by Dr. Garcia\nFollowed up on lab results with patients by phone\n"
                    + "Counselled patients on diabetes self-care");
            browser.click(By.id("summary-form:save"));
            browser.waitForText(By.id("messages"), "Summary saved with 5 bullets");

            // The kit details: an 11-digit AAMC ID is refused next to the field and what was typed stays.
            browser.refresh();
            browser.waitForPresent(By.id("kit-form:erasAamcId"));
            browser.clear(By.id("kit-form:erasAamcId"));
            browser.type(By.id("kit-form:erasAamcId"), "12345678901");
            browser.type(By.id("kit-form:deadline_input"), Keys.chord(Keys.CONTROL, "a"),
                    Dates.day(LocalDate.now(ZoneOffset.UTC).plusDays(25)), Keys.TAB);
            browser.click(By.id("kit-form:save-kit"));
            browser.waitForText(By.id("kit-form"), "An ERAS AAMC ID is 8 digits");
            assertThat(browser.attribute(By.id("kit-form:erasAamcId"), "value")).isEqualTo("12345678901");
            browser.screenshot("kit-aamc-refused-" + width);

            // The checklist's ERAS question: ticked once (an earlier run at the other width may have ticked it already).
            assertThat(browser.text(By.id("kit-form:email-box"))).contains("I have entered Dr. Luis Garcia in ERAS as a letter writer");
            if (browser.attribute(By.cssSelector("[id='kit-form:writerInEras_input']"), "checked") == null) {
                browser.click(By.cssSelector("[id='kit-form:writerInEras'] .ui-chkbox-box"));
                browser.waitUntil("the ERAS entry to be kept", () -> !browser.text(By.id("kit-form:readiness")).contains("as a letter writer in ERAS"));
            }

            browser.clear(By.id("kit-form:erasAamcId"));
            browser.type(By.id("kit-form:erasAamcId"), "17781234");
            browser.click(By.id("kit-form:save-kit"));
            // The page may already say "ready" from an earlier run: wait for this save's own message.
            browser.waitForText(By.id("messages"), "Kit details saved: the kit for Dr. Luis Garcia is ready to send.");
            assertThat(browser.text(By.id("kit-form:readiness"))).contains("Ready to send");

            browser.waitForPresent(By.cssSelector(".kit-preview"));
            browser.scrollIntoView(By.cssSelector(".kit-preview"));
            browser.screenshot("kit-preview-" + width);
            String kit = browser.text(By.cssSelector(".kit-preview"));
            assertThat(kit).contains("Letter of recommendation kit - Yusuf Demir").contains("ERAS AAMC ID: 17781234")
                    .contains("Counselled patients on diabetes self-care").contains("Download the kit PDF")
                    .contains("They asked me to draft it");

            // The portfolio: every request with its state, and the goal meter.
            browser.click(By.id("nav-letters"));
            browser.waitForPresent(By.id("goal-summary"));
            assertThat(browser.text(By.id("letters-form"))).contains("Dr. Luis Garcia").contains(Labels.of(LetterState.STRONG_YES));
            browser.screenshot("letters-" + width);
        }
    }
}
