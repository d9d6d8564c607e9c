package org.lorkit.it.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the browser showed when a test failed: {@code target/browser-failures/<TestClass>.<method>[-n].png} and
 * {@code .html} (n counts the test's browsers from the second on; a parameterized test's invocation adds its name).
 * Tests close their {@link Browser} (try-with-resources) before JUnit hears how the test ended, so every Browser leaves
 * its last page under {@code target/browser-pages/} when it closes, and this extension deletes it once the test passed
 * or moves it to {@code target/browser-failures/} when it failed.
 *
 * <p>Registered for every test by autodetection (META-INF/services and junit-platform.properties in the test
 * resources). It runs on the client side only: the test module deployed for in-container tests holds neither
 * registration, and it uses no Selenium class, so loading it there could not fail either. Nothing here ever fails a
 * test: evidence is a help for people.
 */
public final class BrowserEvidence implements BeforeEachCallback, AfterEachCallback, TestWatcher {
    public static final Path PAGES = Path.of("target", "browser-pages");
    public static final Path FAILURES = Path.of("target", "browser-failures");
    private static final ThreadLocal<Run> RUNNING = new ThreadLocal<>();

    private record Run(String test, AtomicInteger browsers) {
    }

    public BrowserEvidence() {
    }

    /** Where the next Browser of the running test leaves its last page (a name without extension); empty outside a test. */
    public static Optional<Path> nextPage() {
        Run run = RUNNING.get();
        if (run == null) {
            return Optional.empty();
        }
        int browser = run.browsers().incrementAndGet();
        return Optional.of(PAGES.resolve(run.test() + (browser == 1 ? "" : "-" + browser)));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String test = name(context);
        RUNNING.set(new Run(test, new AtomicInteger()));
        // What an earlier run left for this test is not about this run.
        delete(files(PAGES, test));
        delete(files(FAILURES, test));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RUNNING.remove();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        delete(files(PAGES, name(context)));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        delete(files(PAGES, name(context)));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        List<Path> pages = files(PAGES, name(context));
        if (pages.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(FAILURES);
            for (Path page : pages) {
                Files.move(page, FAILURES.resolve(page.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // the pages stay under target/browser-pages
        }
    }

    /** TestClass.method, and for an invocation of a parameterized test its display name, e.g. ".390-px-wide". */
    public static String name(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        if (context.getUniqueId().contains("-invocation:")) {
            name += "." + context.getDisplayName().replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("^-+|-+$", "");
        }
        return name;
    }

    private static List<Path> files(Path folder, String test) {
        Pattern own = Pattern.compile(Pattern.quote(test) + "(-\\d+)?\\.(png|html)");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> own.matcher(file.getFileName().toString()).matches()).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static void delete(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException | RuntimeException e) {
                // left behind, harmless
            }
        }
    }
}
