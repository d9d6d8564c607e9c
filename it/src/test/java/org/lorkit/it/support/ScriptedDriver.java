package org.lorkit.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntries;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.Logs;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * A WebDriver without a browser, for BrowserTest: each locator answers the versions of its element in turn (as an AJAX
 * update replaces one with the next; the last one stays), the idle script answers what the test says, and every
 * action is written to {@link #actions}.
 */
public final class ScriptedDriver {
    /** What Chromium 156's chromedriver answers for an element whose node an update removed. */
    public static final String NOT_IN_DOCUMENT = "unknown error: unhandled inspector error: "
            + "{\"code\":-32000,\"message\":\"Node with given id does not belong to the document\"}";

    public final List<String> actions = new ArrayList<>();
    public final List<String> consoleErrors = new ArrayList<>();
    private final Map<By, Deque<WebElement>> elements = new HashMap<>();
    private final Deque<Boolean> idle = new ArrayDeque<>(List.of(true));
    /** As when Chromium crashed: screenshots and the page source fail. */
    boolean unreachable;
    boolean quit;

    /** The element's versions, one per find: the last one stays. */
    public ScriptedDriver page(By locator, WebElement... versions) {
        elements.put(locator, new ArrayDeque<>(Arrays.asList(versions)));
        return this;
    }

    /** What the idle script answers, one per call: the last one stays. */
    public ScriptedDriver idle(Boolean... answers) {
        idle.clear();
        idle.addAll(Arrays.asList(answers));
        return this;
    }

    public WebDriver driver() {
        return (WebDriver) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{WebDriver.class, JavascriptExecutor.class, TakesScreenshot.class}, (proxy, method, args) ->
                        switch (method.getName()) {
                            case "findElement" -> find((By) args[0]);
                            case "findElements" -> elements.containsKey((By) args[0]) ? List.of(find((By) args[0])) : List.of();
                            case "executeScript" -> script((String) args[0]);
                            case "getCurrentUrl" -> "http://localhost:8080/student/kit.xhtml";
                            case "getPageSource" -> {
                                if (unreachable) {
                                    throw new WebDriverException("chrome not reachable");
                                }
                                yield "<html><body id=\"documents\">the page</body></html>";
                            }
                            case "getScreenshotAs" -> screenshot();
                            case "manage" -> options();
                            case "quit" -> {
                                quit = true;
                                yield null;
                            }
                            case "toString" -> "ScriptedDriver";
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> throw new UnsupportedOperationException(method.getName());
                        });
    }

    /** An element showing the text, whose value attribute is the text too. */
    public static WebElement element(String text) {
        return element((proxy, method, args) -> switch (method.getName()) {
            case "getText" -> text;
            case "isDisplayed", "isEnabled" -> true;
            case "getAttribute" -> "value".equals(args[0]) ? text : null;
            case "toString" -> "element " + text;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    /** An element whose node an AJAX update removed, as Chromium reports it. */
    public static WebElement notInDocument() {
        return failing(new WebDriverException(NOT_IN_DOCUMENT));
    }

    public static WebElement stale() {
        return failing(new StaleElementReferenceException("stale element reference: element is not attached to the page document"));
    }

    /** An element that records what it is asked to do in {@link #actions}. */
    public WebElement recording(String name) {
        return element((proxy, method, args) -> switch (method.getName()) {
            case "isDisplayed", "isEnabled" -> true;
            case "click", "clear" -> {
                actions.add(method.getName() + " " + name);
                yield null;
            }
            case "sendKeys" -> {
                actions.add("type " + name + " " + String.join("", Arrays.stream((CharSequence[]) args[0]).map(String::valueOf).toList()));
                yield null;
            }
            case "toString" -> name;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    private static WebElement failing(WebDriverException error) {
        return element((proxy, method, args) -> switch (method.getName()) {
            case "toString" -> "gone";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw error;
        });
    }

    private static WebElement element(InvocationHandler handler) {
        return (WebElement) Proxy.newProxyInstance(ScriptedDriver.class.getClassLoader(), new Class<?>[]{WebElement.class}, handler);
    }

    private WebElement find(By locator) {
        Deque<WebElement> versions = elements.get(locator);
        if (versions == null) {
            throw new NoSuchElementException("no such element: Unable to locate element: " + locator);
        }
        return versions.size() > 1 ? versions.poll() : versions.peek();
    }

    private Object script(String script) {
        if (script.contains("jQuery.active")) {
            Boolean answer = idle.size() > 1 ? idle.poll() : idle.peek();
            actions.add("idle? " + answer);
            return answer;
        }
        actions.add("script " + script);
        return null;
    }

    private File screenshot() throws IOException {
        if (unreachable) {
            throw new WebDriverException("chrome not reachable");
        }
        File png = Files.createTempFile("scripted", ".png").toFile();
        png.deleteOnExit();
        Files.write(png.toPath(), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        return png;
    }

    private Object options() {
        Logs logs = (Logs) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Logs.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "get" -> new LogEntries(consoleErrors.stream().map(m -> new LogEntry(Level.SEVERE, 0, m)).toList());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{WebDriver.Options.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "logs" -> logs;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
