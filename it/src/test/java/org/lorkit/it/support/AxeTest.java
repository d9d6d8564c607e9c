package org.lorkit.it.support;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accessibility test's engine comes with the build, without a server or npm, and is the axe-core release
 * docs/hardening.md names for AccessibilityIT's result.
 */
class AxeTest {
    private static final Path ROOT = Path.of(System.getProperty("lorkit.project.root", "..")).toAbsolutePath().normalize();

    @Test
    void the_engine_on_the_class_path_is_the_axe_core_the_hardening_page_names() throws IOException {
        Matcher named = Pattern.compile("axe-core (\\d+\\.\\d+\\.\\d+)").matcher(Files.readString(ROOT.resolve("docs/hardening.md")));
        assertThat(named.find()).as("docs/hardening.md names an axe-core version").isTrue();

        assertThat(Axe.script()).startsWith("/*! axe v" + named.group(1) + "\n").contains("axe.run");
    }
}
