package org.lorkit.it.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A browser test that failed leaves the screenshot and source of each browser's last page under target/browser-failures;
 * one that passed leaves nothing. The browsers close before JUnit hears the outcome, as in every browser IT.
 */
public class BrowserEvidenceTest {
    private static final String TEST = "SampleBrowserIT.fails_on_its_last_page";
    private final BrowserEvidence evidence = new BrowserEvidence();

    /** Stands for a browser IT: only its class and method name matter. */
    public static class SampleBrowserIT {
        void fails_on_its_last_page() {
        }
    }

    @AfterEach
    void removeTheSamplesFiles() throws IOException {
        for (Path folder : new Path[]{BrowserEvidence.PAGES, BrowserEvidence.FAILURES}) {
            for (String file : new String[]{TEST + ".png", TEST + ".html", TEST + "-2.png", TEST + "-2.html"}) {
                Files.deleteIfExists(folder.resolve(file));
            }
        }
    }

    @Test
    void every_test_runs_with_the_extension_by_autodetection() {
        assertThat(BrowserEvidence.nextPage()).as("junit-platform.properties and META-INF/services in the test resources")
                .contains(BrowserEvidence.PAGES.resolve("BrowserEvidenceTest.every_test_runs_with_the_extension_by_autodetection"));
    }

    @Test
    void a_failed_test_keeps_the_last_page_of_each_of_its_browsers() throws IOException {
        ExtensionContext test = context("[engine:junit-jupiter]/[class:SampleBrowserIT]/[method:fails_on_its_last_page()]",
                "fails_on_its_last_page()");
        evidence.beforeEach(test);
        new Browser(new ScriptedDriver().driver()).close();
        new Browser(new ScriptedDriver().driver()).close();
        evidence.afterEach(test);
        evidence.testFailed(test, new AssertionError("Expected condition failed"));

        for (String file : new String[]{TEST + ".png", TEST + ".html", TEST + "-2.png", TEST + "-2.html"}) {
            assertThat(BrowserEvidence.FAILURES.resolve(file)).exists();
            assertThat(BrowserEvidence.PAGES.resolve(file)).doesNotExist();
        }
        assertThat(Files.readString(BrowserEvidence.FAILURES.resolve(TEST + ".html"), StandardCharsets.UTF_8))
                .contains("http://localhost:8080/student/kit.xhtml").contains("<body id=\"documents\">the page</body>");
    }

    @Test
    void a_passed_test_leaves_nothing() {
        ExtensionContext test = context("[engine:junit-jupiter]/[class:SampleBrowserIT]/[method:fails_on_its_last_page()]",
                "fails_on_its_last_page()");
        evidence.beforeEach(test);
        new Browser(new ScriptedDriver().driver()).close();
        assertThat(BrowserEvidence.PAGES.resolve(TEST + ".png")).as("kept until JUnit tells the outcome").exists();
        evidence.afterEach(test);
        evidence.testSuccessful(test);

        assertThat(BrowserEvidence.PAGES.resolve(TEST + ".png")).doesNotExist();
        assertThat(BrowserEvidence.PAGES.resolve(TEST + ".html")).doesNotExist();
        assertThat(BrowserEvidence.FAILURES.resolve(TEST + ".png")).doesNotExist();
    }

    @Test
    void the_content_security_policy_still_fails_the_test_and_its_page_is_kept() {
        ExtensionContext test = context("[engine:junit-jupiter]/[class:SampleBrowserIT]/[method:fails_on_its_last_page()]",
                "fails_on_its_last_page()");
        evidence.beforeEach(test);
        ScriptedDriver page = new ScriptedDriver();
        page.consoleErrors.add("http://localhost:8080/student/kit.xhtml - Refused to execute inline script because it violates "
                + "the following Content Security Policy directive: \"script-src 'self' 'nonce-abc'\"");
        assertThatThrownBy(new Browser(page.driver())::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("The Content-Security-Policy refused");
        evidence.afterEach(test);
        evidence.testFailed(test, new AssertionError("The Content-Security-Policy refused"));

        assertThat(page.quit).isTrue();
        assertThat(BrowserEvidence.FAILURES.resolve(TEST + ".png")).exists();
    }

    @Test
    void saving_the_page_never_fails_the_test() {
        ExtensionContext test = context("[engine:junit-jupiter]/[class:SampleBrowserIT]/[method:fails_on_its_last_page()]",
                "fails_on_its_last_page()");
        evidence.beforeEach(test);
        ScriptedDriver page = new ScriptedDriver();
        page.unreachable = true;
        new Browser(page.driver()).close();
        evidence.afterEach(test);
        evidence.testFailed(test, new AssertionError("chrome not reachable"));

        assertThat(page.quit).isTrue();
        assertThat(BrowserEvidence.FAILURES.resolve(TEST + ".png")).doesNotExist();
    }

    @Test
    void each_invocation_of_a_parameterized_test_has_its_own_name() {
        ExtensionContext at390 = context("[engine:junit-jupiter]/[class:SampleBrowserIT]/[test-template:fails_on_its_last_page(int)]"
                + "/[test-template-invocation:#1]", "390 px wide");

        assertThat(BrowserEvidence.name(at390)).isEqualTo(TEST + ".390-px-wide");
        assertThat(BrowserEvidence.name(context("[engine:junit-jupiter]/[class:SampleBrowserIT]/[method:fails_on_its_last_page()]",
                "fails_on_its_last_page()"))).isEqualTo(TEST);
    }

    @Test
    void a_browser_outside_a_test_saves_nothing() {
        ExtensionContext test = context("[engine:junit-jupiter]/[class:SampleBrowserIT]/[method:fails_on_its_last_page()]",
                "fails_on_its_last_page()");
        evidence.beforeEach(test);
        evidence.afterEach(test);
        assertThat(BrowserEvidence.nextPage()).isEmpty();
    }

    private static ExtensionContext context(String uniqueId, String displayName) {
        Method method;
        try {
            method = SampleBrowserIT.class.getDeclaredMethod("fails_on_its_last_page");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        return (ExtensionContext) Proxy.newProxyInstance(BrowserEvidenceTest.class.getClassLoader(),
                new Class<?>[]{ExtensionContext.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getRequiredTestClass" -> SampleBrowserIT.class;
                    case "getTestClass" -> Optional.of(SampleBrowserIT.class);
                    case "getRequiredTestMethod" -> method;
                    case "getTestMethod" -> Optional.of(method);
                    case "getUniqueId" -> uniqueId;
                    case "getDisplayName" -> displayName;
                    default -> throw new UnsupportedOperationException(called.getName());
                });
    }
}
