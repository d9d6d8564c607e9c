package org.lorkit.it.support;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lorkit.it.support.ScriptedDriver.element;
import static org.lorkit.it.support.ScriptedDriver.notInDocument;
import static org.lorkit.it.support.ScriptedDriver.stale;

/**
 * The browser tests' steps against a scripted WebDriver (no Chromium): each finds its element again until it works, so an
 * AJAX update that replaces the element between finding and using it is no failure. StudentKitBrowserIT at 390 px read
 * the documents table just as an update replaced it: "Node with given id does not belong to the document".
 */
public class BrowserTest {

    @Test
    void reading_a_text_survives_the_update_that_replaced_the_element() {
        ScriptedDriver page = new ScriptedDriver().page(By.id("documents"), notInDocument(), element("yusuf-cv.pdf"));
        try (Browser browser = new Browser(page.driver())) {
            assertThat(browser.text(By.id("documents"))).isEqualTo("yusuf-cv.pdf");
        }
    }

    @Test
    void waiting_for_a_text_finds_the_element_again_on_every_try() {
        ScriptedDriver page = new ScriptedDriver().page(By.id("documents"),
                element("no documents yet"), notInDocument(), stale(), element("yusuf-cv.pdf"));
        try (Browser browser = new Browser(page.driver())) {
            browser.waitForText(By.id("documents"), "yusuf-cv.pdf");
        }
    }

    @Test
    void an_attribute_and_a_count_are_read_from_the_element_as_it_is_now() {
        ScriptedDriver page = new ScriptedDriver().page(By.id("kit-form:erasAamcId"), notInDocument(), element("12345678901"));
        try (Browser browser = new Browser(page.driver())) {
            assertThat(browser.attribute(By.id("kit-form:erasAamcId"), "value")).isEqualTo("12345678901");
            assertThat(browser.attribute(By.id("kit-form:erasAamcId"), "href")).isNull();
            assertThat(browser.count(By.id("kit-form:erasAamcId"))).isEqualTo(1);
            assertThat(browser.count(By.id("nothing-here"))).isZero();
        }
    }

    @Test
    void a_click_finds_its_element_again_and_returns_once_primefaces_is_idle() {
        ScriptedDriver page = new ScriptedDriver().idle(false, false, true);
        page.page(By.id("summary-form:save"), stale(), notInDocument(), page.recording("save"));
        try (Browser browser = new Browser(page.driver())) {
            browser.click(By.id("summary-form:save"));
        }
        assertThat(page.actions).containsExactly("click save", "idle? false", "idle? false", "idle? true");
    }

    @Test
    void typing_and_clearing_find_the_field_again() {
        ScriptedDriver page = new ScriptedDriver();
        page.page(By.id("kit-form:erasAamcId"), notInDocument(), page.recording("aamc"));
        try (Browser browser = new Browser(page.driver())) {
            browser.clear(By.id("kit-form:erasAamcId"));
            browser.type(By.id("kit-form:erasAamcId"), "1778", "1234");
        }
        assertThat(page.actions).containsExactly("clear aamc", "type aamc 17781234");
    }

    @Test
    void a_step_that_never_works_says_what_it_waited_for_and_the_last_error() {
        ScriptedDriver page = new ScriptedDriver().page(By.id("funnel"), notInDocument());
        try (Browser browser = new Browser(page.driver())) {
            assertThatThrownBy(() -> browser.waitForVisible(By.id("funnel"), Duration.ofMillis(700)))
                    .isInstanceOf(TimeoutException.class)
                    .hasMessageContaining("By.id: funnel to be visible")
                    .rootCause().hasMessageContaining("Node with given id does not belong to the document");
        }
    }

    @Test
    void other_webdriver_errors_are_not_retried() {
        ScriptedDriver page = new ScriptedDriver();
        try (Browser browser = new Browser(page.driver())) {
            page.unreachable = true;
            assertThatThrownBy(() -> browser.waitUntil("an empty page", () -> browser.pageSource().isEmpty()))
                    .isNotInstanceOf(TimeoutException.class).hasMessageContaining("chrome not reachable");
            page.unreachable = false;
        }
    }
}
