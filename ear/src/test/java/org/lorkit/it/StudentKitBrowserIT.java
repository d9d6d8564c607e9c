package org.lorkit.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student who has a yes builds the kit: a renamed program is refused as a CV, a real PDF is kept, the
 * summary gets its bullets, and the kit shows as the attending will see it. On a phone and on a desktop.
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
        Path cv = Files.write(folder.resolve("yusuf-cv.pdf"), TestPdfs.pages(2, "Yusuf Demir CV"));
        Path statement = Files.write(folder.resolve("yusuf-statement.pdf"), TestPdfs.pages(1, "Yusuf Demir personal statement"));

        try (Browser browser = new Browser()) {
            browser.driver.manage().window().setSize(new Dimension(width, 900));
            browser.driver.get("http://localhost:8080/student/kit.xhtml");
            browser.logIn("yusuf.demir@student.example", TestKeycloak.DEMO_PASSWORD);
            browser.wait.until(ExpectedConditions.urlContains("/student/kit.xhtml"));

            browser.driver.findElement(By.id("cv-form:file")).sendKeys(exe.toAbsolutePath().toString());
            browser.driver.findElement(By.id("cv-form:upload")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cv-form"), "This is not a PDF"));
            browser.screenshot("kit-upload-refused-" + width);

            // 50 MB: the container takes it (spooled to disk) and the page says why, next to the field
            browser.driver.findElement(By.id("cv-form:file")).sendKeys(huge.toAbsolutePath().toString());
            browser.driver.findElement(By.id("cv-form:upload")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cv-form"), "The file is 50 MB; the limit is 5 MB"));

            browser.driver.findElement(By.id("cv-form:file")).sendKeys(cv.toAbsolutePath().toString());
            browser.driver.findElement(By.id("cv-form:upload")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents"), "yusuf-cv.pdf"));
            assertThat(browser.driver.findElement(By.id("messages")).getText()).contains("Saved yusuf-cv.pdf as version");
            int versions = browser.driver.findElements(By.xpath("//*[@id='documents']//a[text()='yusuf-cv.pdf']")).size();
            browser.driver.navigate().refresh();
            assertThat(browser.driver.findElements(By.xpath("//*[@id='documents']//a[text()='yusuf-cv.pdf']")))
                    .as("reloading after an upload stores nothing twice").hasSize(versions);

            browser.driver.findElement(By.id("statement-form:file")).sendKeys(statement.toAbsolutePath().toString());
            browser.driver.findElement(By.id("statement-form:upload")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents"), "yusuf-statement.pdf"));

            var bullets = browser.driver.findElement(By.id("summary-form:bullets"));
            bullets.clear();
            bullets.sendKeys("Followed four to six patients a day in clinic\nPresented two cases at the weekly conference\n"
                    + "Wrote visit notes reviewed by Dr. Garcia\nFollowed up on lab results with patients by phone\n"
                    + "Counselled patients on diabetes self-care");
            browser.driver.findElement(By.id("summary-form:save")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Summary saved with 5 bullets"));

            // The kit details: an 11-digit AAMC ID is refused next to the field and what was typed stays.
            browser.driver.navigate().refresh();
            var aamc = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kit-form:erasAamcId")));
            aamc.clear();
            aamc.sendKeys("12345678901");
            var deadline = browser.driver.findElement(By.id("kit-form:deadline_input"));
            deadline.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(25).toString(), org.openqa.selenium.Keys.TAB);
            browser.driver.findElement(By.id("kit-form:save-kit")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kit-form"), "An ERAS AAMC ID is 8 digits"));
            assertThat(browser.driver.findElement(By.id("kit-form:erasAamcId")).getAttribute("value")).isEqualTo("12345678901");
            browser.screenshot("kit-aamc-refused-" + width);

            aamc = browser.driver.findElement(By.id("kit-form:erasAamcId"));
            aamc.clear();
            aamc.sendKeys("17781234");
            browser.driver.findElement(By.id("kit-form:save-kit")).click();
            // The page may already say "ready" from an earlier run: wait for this save's own message.
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Kit details saved: the kit for Dr. Luis Garcia is ready to send."));
            assertThat(browser.driver.findElement(By.id("kit-form:readiness")).getText()).contains("Ready to send");

            var preview = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".kit-preview")));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView();", preview);
            browser.screenshot("kit-preview-" + width);
            String kit = browser.driver.findElement(By.cssSelector(".kit-preview")).getText();
            assertThat(kit).contains("Letter of recommendation kit - Yusuf Demir").contains("ERAS AAMC ID: 17781234")
                    .contains("Counselled patients on diabetes self-care").contains("Download the kit PDF")
                    .contains("They asked me to draft it");

            // The portfolio: every request with its state, and the goal meter.
            browser.driver.findElement(By.id("nav-letters")).click();
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("goal-summary")));
            assertThat(browser.driver.findElement(By.id("letters-form")).getText()).contains("Dr. Luis Garcia").contains("STRONG_YES");
            browser.screenshot("letters-" + width);
        }
    }
}
