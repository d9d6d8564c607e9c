package org.lorkit.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Deque's axe-core accessibility engine, run inside the page the browser shows. Its axe.min.js comes from Maven
 * Central with the build (Deque's com.deque.html.axe-core:selenium jar, a test dependency of this module: it/pom.xml
 * names the release and so the axe-core version). Selenium injects it past the page's Content-Security-Policy.
 */
public final class Axe {
    private static final String SCRIPT = "/axe.min.js";
    private static String script;

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

    /** The engine's script, read once from the test class path. */
    static synchronized String script() {
        if (script == null) {
            try (InputStream in = Axe.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(SCRIPT + " is not on the test class path: it/pom.xml's"
                            + " com.deque.html.axe-core:selenium dependency brings it");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
