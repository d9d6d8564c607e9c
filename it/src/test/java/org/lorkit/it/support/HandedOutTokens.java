package org.lorkit.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every attending-link token a test was handed, for the check after all integration tests that no server log holds
 * one (ops/ServerLogTokenAudit): the tokens of the links in every email the tests read ({@link Inbox}), one a line,
 * appended to the file the system property {@value #FILE_PROPERTY} names. The tests' JVM and the server (where most
 * tests run) both write it; the build empties it before the integration tests (it/pom.xml). Without the property (the
 * benchmarks) nothing is written.
 */
public final class HandedOutTokens {
    public static final String FILE_PROPERTY = "lorkit.it.tokens.file";
    /** A token as the emails carry it: the query parameter t of the attending's links. */
    private static final Pattern TOKEN = Pattern.compile("[?&]t=([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");

    private HandedOutTokens() {
    }

    /** Writes down the tokens of every link in the text (null: none). */
    public static void recordFrom(String text) {
        Path file = file();
        if (file == null || text == null) {
            return;
        }
        Set<String> found = tokensIn(text);
        if (found.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        found.forEach(token -> lines.append(token).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // One short append per email: the two JVMs' lines never interleave within a line.
            Files.writeString(file, lines, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write down the handed-out tokens in " + file, e);
        }
    }

    public static Set<String> tokensIn(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group(1));
        }
        return tokens;
    }

    /** The file the tokens are written to; null when none is set. */
    public static Path file() {
        String name = System.getProperty(FILE_PROPERTY, "");
        return name.isBlank() ? null : Path.of(name);
    }
}
