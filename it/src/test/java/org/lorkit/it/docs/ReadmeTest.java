package org.lorkit.it.docs;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README stays a page a newcomer reads to the end, and no link of it or of docs/ leads nowhere: a clone holds
 * every file they name (nothing above the repository, nothing of a checkout beside it such as ../shared), and every
 * #anchor names a heading of the page it points into.
 */
class ReadmeTest {
    private static final Path ROOT = Path.of(System.getProperty("lorkit.project.root", "..")).toAbsolutePath().normalize();
    private static final Path README = ROOT.resolve("README.md");
    private static final int MOST_README_LINES = 160;
    /** Both commands near the top: .ci/run runs the README's test command as it is written. */
    private static final int COMMANDS_WITHIN_LINES = 50;

    /** [text](target) and ![alt](target), with an optional "title"; the text may run over lines. */
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** [label]: target, a reference definition. */
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
    /** HTML written into the Markdown: <a href="…">, <img src="…">. */
    private static final Pattern HTML_LINK = Pattern.compile("(?i)<(?:a|img)\\b[^>]*?\\b(?:href|src)\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern HTML_ANCHOR = Pattern.compile("(?i)<a\\b[^>]*?\\b(?:name|id)\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(?s:.+?)\\1");
    private static final Pattern EXTERNAL = Pattern.compile("(?i)^(?:https?|mailto):.*");

    /** A link as written, and the page it is written in. */
    private record Link(Path page, String target) {
        @Override
        public String toString() {
            return ROOT.relativize(page) + ": " + target;
        }
    }

    private static List<Path> pages;
    private static List<Link> links;

    @BeforeAll
    static void readThePages() throws IOException {
        pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        links = new ArrayList<>();
        for (Path page : pages) {
            for (String target : targets(prose(read(page)))) {
                links.add(new Link(page, target));
            }
        }
    }

    @Test
    void the_readme_is_short_enough_to_read_to_the_end() throws IOException {
        assertThat(Files.readAllLines(README).size()).as("README.md lines").isLessThanOrEqualTo(MOST_README_LINES);
    }

    @Test
    void the_readme_gives_the_run_and_test_commands_near_the_top() throws IOException {
        String top = String.join("\n", Files.readAllLines(README).subList(0, COMMANDS_WITHIN_LINES));
        assertThat(top).contains("```bash\n./run.sh\n```", "```bash\n./mvnw -B verify\n```");
    }

    @Test
    void the_readme_links_every_document_and_the_license() {
        Set<Path> linked = new LinkedHashSet<>();
        for (Link link : links) {
            if (link.page().equals(README) && !EXTERNAL.matcher(link.target()).matches()) {
                linked.add(file(link));
            }
        }
        assertThat(ROOT.resolve("LICENSE")).isRegularFile();
        assertThat(linked).as("files the README links").contains(ROOT.resolve("LICENSE"));
        assertThat(linked).as("files the README links").containsAll(pages.subList(1, pages.size()));
    }

    @Test
    void no_link_leaves_the_repository() {
        List<Link> outside = new ArrayList<>();
        for (Link link : links) {
            if (link.target().contains("../shared") || (!EXTERNAL.matcher(link.target()).matches() && !file(link).startsWith(ROOT))) {
                outside.add(link);
            }
        }
        assertThat(outside).as("links above the repository").isEmpty();
    }

    @Test
    void every_link_names_a_file_of_the_repository() {
        assertThat(links).as("links read").isNotEmpty();
        List<Link> missing = new ArrayList<>();
        for (Link link : links) {
            if (!EXTERNAL.matcher(link.target()).matches() && !Files.exists(file(link))) {
                missing.add(link);
            }
        }
        assertThat(missing).as("links to no file").isEmpty();
    }

    @Test
    void every_anchor_names_a_heading_of_its_page() {
        List<Link> dangling = new ArrayList<>();
        for (Link link : links) {
            int hash = link.target().indexOf('#');
            if (hash < 0 || EXTERNAL.matcher(link.target()).matches()) {
                continue;
            }
            Path page = file(link);
            if (page.toString().endsWith(".md") && Files.isRegularFile(page)) {
                String anchor = URLDecoder.decode(link.target().substring(hash + 1), StandardCharsets.UTF_8);
                if (!anchors(read(page)).contains(anchor)) {
                    dangling.add(link);
                }
            }
        }
        assertThat(dangling).as("anchors with no heading").isEmpty();
    }

    @Test
    void anchors_are_made_from_headings_as_github_makes_them() {
        Set<String> anchors = anchors("# Production deployment\n## LorKit's settings\n## The stack's own settings (`docker/.env`)\n"
                + "## Load test (issue 8)\n```\n# not a heading\n```\n## Notes\n## Notes\n");
        assertThat(anchors).containsExactly("production-deployment", "lorkits-settings", "the-stacks-own-settings-dockerenv",
                "load-test-issue-8", "notes", "notes-1");
    }

    @Test
    void links_in_code_are_not_links() {
        assertThat(targets(prose("[a](one.md) `[b](two.md)`\n```\n[c](three.md)\n```\n![d](four.png \"title\")\n[e]: five.md\n")))
                .containsExactly("one.md", "four.png", "five.md");
    }

    /** The file a link names: its path without #anchor or ?query, from the folder of the page it is in. */
    private static Path file(Link link) {
        String target = link.target();
        int cut = target.length();
        for (char end : new char[]{'#', '?'}) {
            int at = target.indexOf(end);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        String path = URLDecoder.decode(target.substring(0, cut).replace("+", "%2B"), StandardCharsets.UTF_8);
        return path.isEmpty() ? link.page() : link.page().getParent().resolve(path).normalize();
    }

    /** Every link target of Markdown prose, in the order written. */
    private static List<String> targets(String prose) {
        List<String> targets = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_LINK, HTML_LINK)) {
            Matcher link = pattern.matcher(prose);
            while (link.find()) {
                targets.add(link.group(1));
            }
        }
        return targets;
    }

    /** The page without what is code (fenced blocks, inline spans), where brackets are no links. */
    private static String prose(String markdown) {
        StringBuilder prose = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fenced = !fenced;
                prose.append('\n');
            } else {
                prose.append(fenced ? "" : line).append('\n');
            }
        }
        return INLINE_CODE.matcher(prose).replaceAll("code");
    }

    /** The anchors of a page: GitHub's slug of each heading (a repeated one gets -1, -2, …), and HTML anchors. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (!fenced && heading.matches()) {
                String slug = heading.group(1).toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                        .replace(' ', '-');
                int times = seen.merge(slug, 1, Integer::sum);
                anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
            }
        }
        Matcher html = HTML_ANCHOR.matcher(markdown);
        while (html.find()) {
            anchors.add(html.group(1));
        }
        return anchors;
    }

    private static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
