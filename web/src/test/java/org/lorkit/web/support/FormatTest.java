package org.lorkit.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What pages write through the format bean: a bundle's text with its values, as h:outputFormat would. */
class FormatTest {
    private final Format format = new Format();

    @Test
    void a_text_gets_its_values_in_order_and_keeps_its_apostrophes() {
        assertThat(format.text("{0}''s deadline is {1}.", "Dr. Garcia", "29 Dec 2026")).isEqualTo("Dr. Garcia's deadline is 29 Dec 2026.");
        assertThat(format.text("{0} ({1}; {2})", "A", "B", "C")).isEqualTo("A (B; C)");
    }

    @Test
    void a_missing_value_reads_as_nothing_as_in_el() {
        assertThat(format.text("{0}.", (Object) null)).isEqualTo(".");
    }

    @Test
    void a_date_field_says_what_it_takes_in_the_pattern_it_shows() {
        assertThat(format.getInputPattern()).isEqualTo("d MMM yyyy");
        assertThat(format.getInputHint()).contains("29 Dec 2026");
    }
}
