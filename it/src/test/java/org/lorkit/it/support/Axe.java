package org.lorkit.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Deque's axe-core accessibility engine, fetched once from the npm registry ({@code npm pack}, pinned) into
 * target/, and run inside the page the browser shows. Selenium injects it past the page's Content-Security-Policy.
 */
public final class Axe {
    public static final String VERSION = "4.10.3";
    private static final Path HOME = Path.of("target", "axe-core-" + VERSION);

    private Axe() {
    }

    /** The WCAG 2.1 A and AA rules' violations of impact "serious" or "critical": one line each, with where. */
    public static List<String> seriousViolations(Browser browser) {
        browser.script(script());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(result => done(result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                          where: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ((n.any[0] || n.all[0] || {}).message ? ' (' + (n.any[0] || n.all[0]).message + ')' : '')).join(', ')}))))
                   .catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), where: ''}]));
                """);
        return violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " at " + v.get("where"))
                .toList();
    }

    private static synchronized String script() {
        Path script = HOME.resolve("package").resolve("axe.min.js");
        try {
            if (!Files.exists(script)) {
                Files.createDirectories(HOME);
                run("npm", "pack", "axe-core@" + VERSION, "--silent", "--pack-destination", HOME.toString());
                run("tar", "-xzf", HOME.resolve("axe-core-" + VERSION + ".tgz").toString(), "-C", HOME.toString());
            }
            return Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("axe-core " + VERSION + " could not be fetched with npm", e);
        }
    }

    private static void run(String... command) throws IOException {
        try {
            // Never inheritIO(): the forked test JVM's stdin/stdout are failsafe's command channel, and npm
            // reading or writing them broke a CI run ("std/in stream corrupted") after every test had passed.
            Path log = Files.createTempFile(HOME, "run", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            boolean ended = process.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            if (!ended || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + (ended ? " failed: " : " took over 120 s: ") + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
