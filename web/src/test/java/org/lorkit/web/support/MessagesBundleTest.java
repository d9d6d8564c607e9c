package org.lorkit.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pages' bundle and its users agree: no page shows "???key???", no text sits unused, every argument fits. */
class MessagesBundleTest {
    private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.-]+)'\\]");
    private static final Pattern JAVA_KEY = Pattern.compile("(?:Messages\\.text|\\.word)\\(\"([A-Za-z0-9_.-]+)\"");
    /** The attending's pages, drawn by FreeMarker templates (web/attending), read the same bundle as {@code msg["key"]}. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("msg\\[\"([A-Za-z0-9_.-]+)\"\\]");
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH);

    @Test
    void every_key_a_page_or_bean_uses_is_in_the_bundle_and_every_key_is_used() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(keys(Path.of("src/main/webapp"), ".xhtml", PAGE_KEY));
        used.addAll(keys(Path.of("src/main/java"), ".java", JAVA_KEY));
        used.addAll(keys(Path.of("src/main/resources"), ".ftlh", TEMPLATE_KEY));
        used.addAll(problemPageKeys());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(BUNDLE.keySet());
        assertThat(missing).as("keys used but not in messages.properties").isEmpty();
        Set<String> unused = new TreeSet<>(BUNDLE.keySet());
        unused.removeAll(used);
        assertThat(unused).as("keys in messages.properties that nothing uses").isEmpty();
    }

    @Test
    void texts_with_arguments_are_valid_message_formats_and_keep_their_apostrophes() {
        for (String key : BUNDLE.keySet()) {
            String text = BUNDLE.getString(key);
            if (!text.matches("(?s).*\\{\\d.*")) {
                assertThat(text).as(key + ": a text without arguments is shown as written; '' would show twice")
                        .doesNotContain("''");
                continue;
            }
            String formatted = new MessageFormat(text, Locale.US).format(new Object[] {"A", "B", "C", "D", "E"});
            assertThat(formatted).as(key + ": an argument left unfilled (a lone apostrophe quotes what follows)")
                    .doesNotContain("{");
            // Every apostrophe written '' shows once; a lone one (an odd count) quotes what follows and is lost.
            long apostrophes = text.chars().filter(c -> c == '\'').count();
            assertThat(formatted.chars().filter(c -> c == '\'').count() * 2).as(key + ": write an apostrophe as ''")
                    .isEqualTo(apostrophes);
        }
    }

    /**
     * The problem page builds its title's and text's keys from the problem's name ({@code "linkProblem." + key + "Title"}),
     * by the map at its top and its default: every problem named there (and the default) uses both.
     */
    private static Set<String> problemPageKeys() throws IOException {
        String template = Files.readString(Path.of("src/main/resources/org/lorkit/web/attending/problem.ftlh"));
        Matcher assign = Pattern.compile("<#assign key = \\{(.*?)}\\[problem]!\"([a-zA-Z]+)\">").matcher(template);
        assertThat(assign.find()).as("problem.ftlh's map from a problem to its words").isTrue();
        Set<String> names = new TreeSet<>(Set.of(assign.group(2)));
        Matcher value = Pattern.compile("\"[A-Z_]+\": \"([a-zA-Z]+)\"").matcher(assign.group(1));
        while (value.find()) {
            names.add(value.group(1));
        }
        Set<String> keys = new TreeSet<>();
        for (String name : names) {
            keys.add("linkProblem." + name + "Title");
            keys.add("linkProblem." + name + "Text");
        }
        return keys;
    }

    private static Set<String> keys(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(suffix))::iterator) {
                Matcher found = pattern.matcher(Files.readString(file));
                while (found.find()) {
                    keys.add(found.group(1));
                }
            }
        }
        return keys;
    }
}
