package org.lorkit.it.ops;

import org.junit.jupiter.api.Test;
import org.lorkit.it.support.HandedOutTokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No server log of the integration tests holds an attending-link token the tests were handed ({@link HandedOutTokens}:
 * every link in every email they read). Runs after all integration tests, once the servers have stopped, in a failsafe
 * execution of its own (it/pom.xml), and reads every server.log of the run: the main server's and those of the nodes
 * some tests start (crash, restored, cluster).
 * <p>
 * A run that read no email with a link (a targeted run, -Dit.test=..., of tests that send no kit) has no token file:
 * there is nothing to look for, and the check says so and passes. A run that was handed tokens must find a server
 * log; finding none means it looks in the wrong place, and fails.
 */
class ServerLogTokenAudit {
    private static final int TOKEN_LENGTH = 43;

    @Test
    void no_server_log_holds_a_token_the_tests_were_handed() throws IOException {
        Path tokenFile = HandedOutTokens.file();
        assertThat(tokenFile).as("the system property " + HandedOutTokens.FILE_PROPERTY + " (it/pom.xml)").isNotNull();
        if (!Files.exists(tokenFile)) {
            System.out.println("ServerLogTokenAudit: no attending-link token was handed out in this run (no " + tokenFile
                    + "): nothing to look for in the server logs");
            return;
        }
        Set<String> tokens = new HashSet<>(Files.readAllLines(tokenFile, StandardCharsets.US_ASCII));
        tokens.removeIf(String::isBlank);
        assertThat(tokens).as("tokens in " + tokenFile).allMatch(token -> token.length() == TOKEN_LENGTH);

        List<Path> logs = serverLogs();
        assertThat(logs).as("server logs in " + logDirectories() + ", where this run's servers wrote theirs").isNotEmpty();
        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            leaks.addAll(leaksIn(log, tokens));
        }
        System.out.println("ServerLogTokenAudit: " + tokens.size() + " handed-out tokens looked for in " + logs);
        assertThat(leaks).as("tokens the tests were handed, found in a server log (their first characters)").isEmpty();
    }

    /**
     * Every change of a standing's inputs in the whole run was counted again in its transaction: StandingChanges logs
     * this sentence when one was made where no service call ended after it (so the kept row would be stale). The
     * integration tests drive every path there is; none may leave the sentence in a server log.
     */
    @Test
    void no_server_log_says_a_standing_change_went_uncounted() throws IOException {
        String sentence = "changed outside a service call and were not counted again";
        List<String> found = new ArrayList<>();
        for (Path log : serverLogs()) {
            try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.contains(sentence)) {
                        found.add(log + ":" + number + ": " + line);
                    }
                }
            }
        }
        assertThat(found).as("standing changes no service call counted again").isEmpty();
    }

    /** Each line that holds a token, as "file:line: the token's first characters…" (never the whole token). */
    private static List<String> leaksIn(Path log, Set<String> tokens) throws IOException {
        List<String> leaks = new ArrayList<>();
        // ISO-8859-1 reads any bytes; tokens are ASCII.
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                for (String token : tokensOfLine(line, tokens)) {
                    leaks.add(log + ":" + number + ": " + token.substring(0, 6) + "…");
                }
            }
        }
        return leaks;
    }

    /** The tokens in the line: every 43 characters of each run of token characters, so a token inside a longer run counts. */
    private static Set<String> tokensOfLine(String line, Set<String> tokens) {
        Set<String> found = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean tokenChar = i < line.length() && isTokenChar(line.charAt(i));
            if (tokenChar && start < 0) {
                start = i;
            } else if (!tokenChar && start >= 0) {
                for (int from = start; from + TOKEN_LENGTH <= i; from++) {
                    String window = line.substring(from, from + TOKEN_LENGTH);
                    if (tokens.contains(window)) {
                        found.add(window);
                    }
                }
                start = -1;
            }
        }
        return found;
    }

    private static boolean isTokenChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /** server.log and its rotated days (server.log.2026-12-03) in every log folder there is. */
    private static List<Path> serverLogs() throws IOException {
        List<Path> logs = new ArrayList<>();
        for (Path folder : logDirectories()) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(file -> file.getFileName().toString().startsWith("server.log")).sorted().forEach(logs::add);
            }
        }
        return logs;
    }

    /** Where the servers of the run log: the main one (jboss.server.log.dir) and the extra nodes' base directories. */
    private static List<Path> logDirectories() {
        List<Path> folders = new ArrayList<>();
        folders.add(Path.of(System.getProperty("jboss.home"), "standalone", "log"));
        for (String base : List.of("lorkit.it.crash.base", "lorkit.it.restore.base")) {
            folders.add(Path.of(System.getProperty(base), "log"));
        }
        Path cluster = Path.of(System.getProperty("lorkit.it.cluster.base"));
        folders.add(cluster.resolve("node1/log"));
        folders.add(cluster.resolve("node2/log"));
        return folders;
    }
}
