package org.lorkit.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.domain.shared.Labels;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.KeycloakRealm;
import org.openqa.selenium.By;

/**
 * No page shows a person one of the domain's constants ({@code KIT_SENT}, {@code TOO_EARLY}, {@code PATIENT_FOLLOWED})
 * or a missing text of the pages' bundle ({@code ???letters.title???}). Each person's pages are found as they would
 * find them, by following the links from their start page (the agency admin's, two students', the operator's, and the
 * attending's kit page), and each is read at a desktop's width and a phone's. What is read is the page's DOM text
 * (textContent, so what CSS would capitalise or hide still counts, dialogs included) and the words of its labels
 * (aria-label, title, alt, placeholder) and its title.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PageWordsBrowserIT {
    private static final String APP = "http://localhost:8080";
    private static final int MOST_PAGES_PER_PERSON = 45;
    /** The same page with other ids: a few are enough to see its words. */
    private static final int MOST_OF_ONE_KIND = 3;
    /** Constants that are also the word a person writes. */
    private static final Set<String> WORDS = Set.of("CV");
    private static final String PAGE_TEXT = """
            const copy = document.body.cloneNode(true);
            copy.querySelectorAll('script, style, noscript, template').forEach(e => e.remove());
            let text = document.title + '\\n' + copy.textContent;
            document.querySelectorAll('[aria-label], [title], [alt], [placeholder]').forEach(e =>
                ['aria-label', 'title', 'alt', 'placeholder'].forEach(a => { if (e.getAttribute(a)) text += '\\n' + e.getAttribute(a); }));
            return text;""";
    private static Pattern constants;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkitWithTests();
    }

    @BeforeAll
    static void everyConstantOfTheDomain() throws Exception {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : domainEnums()) {
            for (Object constant : type.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                if (name.length() >= 3 && !WORDS.contains(name)) {
                    names.add(name);
                }
            }
        }
        assertThat(names).as("the domain's constants").contains("KIT_SENT", "TOO_EARLY", "PATIENT_FOLLOWED");
        constants = Pattern.compile("(?<![A-Za-z0-9_])(" + String.join("|", names) + ")(?![A-Za-z0-9_])");
    }

    @Test
    void the_agency_admins_pages_speak_words() {
        assertWords(crawl("admin@bridgeway.example", "/agency/overview.xhtml"));
    }

    @Test
    void the_students_pages_speak_words() {
        List<String> problems = new ArrayList<>(crawl("amara.okafor@student.example", "/student/home.xhtml"));
        problems.addAll(crawl("chen.wei@student.example", "/student/home.xhtml"));
        assertWords(problems);
    }

    @Test
    void the_operators_pages_speak_words() {
        assertWords(crawl("operator@lorkit.example", "/operator/agencies.xhtml"));
    }

    @Test
    void the_attendings_kit_page_speaks_words() throws Exception {
        String kitLink = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP + "/lorkit-it/fixtures/sent-kit"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {1280, 390}) {
            try (Browser browser = new Browser()) {
                browser.resize(width, 900);
                browser.open(kitLink);
                browser.waitForVisible(By.id("kit-title"));
                problems.addAll(problems("attending's kit page at " + width + " px", (String) browser.script(PAGE_TEXT)));
            }
        }
        assertWords(problems);
    }

    private static void assertWords(List<String> problems) {
        assertThat(problems).as("constants or missing texts on pages").isEmpty();
    }

    /** The person's pages, found from {@code start} by their links, each read at 1280 and at 390 px. */
    private static List<String> crawl(String user, String start) {
        List<String> problems = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        try (Browser browser = new Browser()) {
            browser.resize(1280, 1000);
            browser.open(APP + start);
            browser.logIn(user, KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl(start);
            Deque<String> toVisit = new ArrayDeque<>(List.of(APP + start));
            Set<String> seen = new LinkedHashSet<>(toVisit);
            Map<String, Integer> ofKind = new HashMap<>();
            while (!toVisit.isEmpty() && pages.size() < MOST_PAGES_PER_PERSON) {
                String page = toVisit.poll();
                browser.open(page);
                browser.waitForPresent(By.tagName("main"));
                pages.add(page);
                problems.addAll(problems(user + " on " + page.substring(APP.length()) + " at 1280 px", (String) browser.script(PAGE_TEXT)));
                @SuppressWarnings("unchecked")
                List<String> links = (List<String>) browser.script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);");
                for (String link : links) {
                    String address = link.replaceFirst("#.*$", "");
                    if (isPage(address) && !seen.contains(address) && ofKind.merge(kind(address), 1, Integer::sum) <= MOST_OF_ONE_KIND) {
                        seen.add(address);
                        toVisit.add(address);
                    }
                }
            }
            browser.resize(390, 844);
            for (String page : pages) {
                browser.open(page);
                browser.waitForPresent(By.tagName("main"));
                problems.addAll(problems(user + " on " + page.substring(APP.length()) + " at 390 px", (String) browser.script(PAGE_TEXT)));
            }
        }
        assertThat(pages).as(user + "'s pages found from " + start).isNotEmpty(); // the operator has one page
        return problems;
    }

    /** A LorKit page the person may open: not a download, not signing out, not Keycloak. */
    private static boolean isPage(String address) {
        return address.startsWith(APP + "/") && address.contains(".xhtml") && !address.contains("/download")
                && !address.contains("/logout") && !address.contains("/jakarta.faces.resource/");
    }

    /** The page and the names of its parameters: /agency/student.xhtml?id= for every student. */
    private static String kind(String address) {
        int query = address.indexOf('?');
        if (query < 0) {
            return address;
        }
        return address.substring(0, query) + "?" + Stream.of(address.substring(query + 1).split("&"))
                .map(parameter -> parameter.replaceFirst("=.*$", "")).sorted().collect(Collectors.joining("&"));
    }

    private static List<String> problems(String where, String text) {
        List<String> found = new ArrayList<>();
        Matcher constant = constants.matcher(text);
        while (constant.find()) {
            found.add(where + ": " + constant.group(1) + " in \"" + around(text, constant.start(), constant.end()) + "\"");
        }
        Matcher missing = Pattern.compile("\\?\\?\\?[^?\\s]+\\?\\?\\?").matcher(text);
        while (missing.find()) {
            found.add(where + ": missing text " + missing.group());
        }
        return found;
    }

    private static String around(String text, int start, int end) {
        return text.substring(Math.max(0, start - 40), Math.min(text.length(), end + 40)).replaceAll("\\s+", " ").trim();
    }

    /** Every enum of the domain module, from its jar (or classes folder) on the test's class path. */
    private static List<Class<?>> domainEnums() throws IOException, URISyntaxException {
        Path location = Path.of(Labels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> enums = new ArrayList<>();
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
            Path root = jar == null ? location : jar.getPath("/");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
                    try {
                        Class<?> type = Class.forName(name, false, Labels.class.getClassLoader());
                        if (type.isEnum()) {
                            enums.add(type);
                        }
                    } catch (ClassNotFoundException | LinkageError notLoadable) {
                        // module-info, package-info
                    }
                }
            }
        }
        return enums;
    }
}
