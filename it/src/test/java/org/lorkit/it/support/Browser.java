package org.lorkit.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * Headless Debian Chromium with the system chromedriver: nothing is downloaded.
 *
 * <p>Tests name elements by locator, never hold on to one: an AJAX update replaces the elements it renders, and a
 * reference found before it is stale after it (Chromium even reports "Node with given id does not belong to the
 * document" then). Every step here finds its element again on each try until it works or {@link #PATIENCE} ends.
 * When the browser closes it leaves its last page for {@link BrowserEvidence}, which keeps it if the test failed.
 */
public final class Browser implements AutoCloseable {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    /** The page has loaded and neither jQuery nor PrimeFaces' AJAX queue has a request under way. */
    private static final String IDLE = "return document.readyState === 'complete'"
            + " && (window.jQuery ? jQuery.active : 0) == 0"
            + " && (!window.PrimeFaces || !PrimeFaces.ajax || !PrimeFaces.ajax.Queue || PrimeFaces.ajax.Queue.isEmpty());";

    private final WebDriver driver;
    /** Where close() leaves the last page, without extension; null outside a test. */
    private final Path lastPage;

    public Browser() {
        this(chromium());
    }

    /** Also for BrowserTest, which drives these steps against a scripted WebDriver. */
    public Browser(WebDriver driver) {
        this.driver = driver;
        lastPage = BrowserEvidence.nextPage().orElse(null);
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=390,844");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        return new ChromeDriver(service, options);
    }

    public static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    /**
     * Through Keycloak's login form, as a person would type it. With organizations enabled Keycloak asks
     * for the username first and for the password on the next page.
     */
    public void logIn(String username, String password) {
        waitForVisible(By.id("username"));
        type(By.id("username"), username);
        if (count(By.id("password")) == 0) {
            click(By.id("kc-login"));
        }
        waitForVisible(By.id("password"));
        type(By.id("password"), password);
        click(By.id("kc-login"));
    }

    // Navigation

    public void open(String url) {
        driver.get(url);
        awaitIdle();
    }

    public void refresh() {
        driver.navigate().refresh();
        awaitIdle();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public void waitForUrl(String part) {
        until("the address to contain " + part, PATIENCE, d -> d.getCurrentUrl().contains(part));
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    // Reading

    public String text(By locator) {
        return until("the text of " + locator, PATIENCE, d -> d.findElement(locator).getText());
    }

    /** The attribute's value, or the property's where there is one (the value typed, an absolute href); null if neither. */
    @SuppressWarnings("deprecation") // getDomAttribute would answer what the page source says, not what was typed
    public String attribute(By locator, String name) {
        return until("the " + name + " of " + locator, PATIENCE,
                d -> Optional.ofNullable(d.findElement(locator).getAttribute(name))).orElse(null);
    }

    /** How many elements match now: no waiting for any to appear. */
    public int count(By locator) {
        return until("counting " + locator, PATIENCE, d -> d.findElements(locator).size());
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    // Waiting

    public void waitForPresent(By locator) {
        until(locator + " to be in the page", PATIENCE, d -> d.findElement(locator));
    }

    public void waitForVisible(By locator) {
        waitForVisible(locator, PATIENCE);
    }

    public void waitForVisible(By locator, Duration patience) {
        until(locator + " to be visible", patience, d -> d.findElement(locator).isDisplayed());
    }

    public void waitForText(By locator, String text) {
        until(locator + " to contain \"" + text + "\"", PATIENCE, d -> d.findElement(locator).getText().contains(text));
    }

    public void waitForClickable(By locator) {
        until(locator + " to be clickable", PATIENCE, d -> clickable(d.findElement(locator)));
    }

    /** Until the script answers true. */
    public void waitForScript(String script) {
        until("the script " + script + " to answer true", PATIENCE,
                d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
    }

    /** For conditions made of several of the steps above, e.g. one page or another. */
    public void waitUntil(String what, BooleanSupplier condition) {
        until(what, PATIENCE, d -> condition.getAsBoolean());
    }

    // Acting

    /** Clicks the element once it is visible and enabled, then waits for the AJAX request or page load it started. */
    public void click(By locator) {
        until(locator + " to be clicked", PATIENCE, d -> {
            WebElement element = d.findElement(locator);
            if (!clickable(element)) {
                return false;
            }
            element.click();
            return true;
        });
        awaitIdle();
    }

    /** Keys, or for a file input the file's absolute path. */
    public void type(By locator, CharSequence... keys) {
        until("typing into " + locator, PATIENCE, d -> {
            d.findElement(locator).sendKeys(keys);
            return true;
        });
    }

    public void clear(By locator) {
        until(locator + " to be cleared", PATIENCE, d -> {
            d.findElement(locator).clear();
            return true;
        });
    }

    public void scrollIntoView(By locator) {
        until(locator + " to be scrolled into view", PATIENCE, d -> {
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView();", d.findElement(locator));
            return true;
        });
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    public void deleteCookie(String name) {
        driver.manage().deleteCookieNamed(name);
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    public void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            // a screenshot is a help for people, never a reason to fail
        }
    }

    /**
     * What the console said about scripts, styles or frames LorKit's Content-Security-Policy refused since the last
     * call (Chromium logs each refusal as a console error). Keycloak's own pages are not LorKit's to judge.
     */
    public List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") && !message.contains(":8180"))
                .toList();
    }

    /**
     * Every error the console reported since the last call (of this or {@link #policyViolations}): a refused script or
     * style, a failed request (a 404 for an icon, a redirect to sign-in for a static file), an uncaught script error.
     * Keycloak's own pages are not LorKit's to judge.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains(":8180"))
                .toList();
    }

    /** Every browser test also proves the pages it went through work under LorKit's Content-Security-Policy. */
    @Override
    public void close() {
        List<String> violations;
        try {
            keepLastPage();
            violations = policyViolations();
        } finally {
            driver.quit();
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("The Content-Security-Policy refused: " + violations);
        }
    }

    /**
     * Retries the step while its element is missing, not yet usable, or replaced under it, until it answers
     * something other than null or false; then the wait's timeout names the step and the last error.
     */
    private <T> T until(String what, Duration patience, Function<WebDriver, T> step) {
        return new WebDriverWait(driver, patience)
                .withMessage(what)
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(ElementNotInteractableException.class)
                .until(d -> {
                    try {
                        return step.apply(d);
                    } catch (WebDriverException e) {
                        throw replaced(e) ? new StaleElementReferenceException(e.getRawMessage(), e) : e;
                    }
                });
    }

    /** Chromium's word for a stale element when the node went away between finding it and using it. */
    private static boolean replaced(WebDriverException e) {
        return !(e instanceof StaleElementReferenceException) && e.getMessage() != null
                && e.getMessage().contains("does not belong to the document");
    }

    private static boolean clickable(WebElement element) {
        return element.isDisplayed() && element.isEnabled();
    }

    /**
     * After a click or a navigation: until the page has loaded and no AJAX request is under way, so that the next
     * step sees the page the update produced. Never fails by itself: a page still busy after the patience is left to
     * the next step's own wait (some of which are longer).
     */
    private void awaitIdle() {
        try {
            new WebDriverWait(driver, PATIENCE)
                    .ignoring(WebDriverException.class) // the document may be unloading while the script asks
                    .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(IDLE)));
        } catch (WebDriverException stillBusy) {
            // the next step decides
        }
    }

    /** The screenshot and source of the page as the test left it; BrowserEvidence keeps them if the test failed. */
    private void keepLastPage() {
        if (lastPage == null) {
            return;
        }
        try {
            Files.createDirectories(lastPage.getParent());
            Path png = lastPage.resolveSibling(lastPage.getFileName() + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            // evidence is a help for people, never a reason to fail
        }
        try {
            Path html = lastPage.resolveSibling(lastPage.getFileName() + ".html");
            Files.writeString(html, "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            // as above
        }
    }
}
