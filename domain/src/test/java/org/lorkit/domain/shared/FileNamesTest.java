package org.lorkit.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {
    @Test
    void a_name_becomes_lower_case_ascii_words_joined_by_hyphens() {
        assertThat(FileNames.of("ask-window", "St. Mary's", "ics")).isEqualTo("ask-window-st-marys.ics");
        assertThat(FileNames.words("St. Mary’s Medical Center")).isEqualTo("st-marys-medical-center");
        assertThat(FileNames.words("Hôpital Saint-Éloi, Zürich")).isEqualTo("hopital-saint-eloi-zurich");
        assertThat(FileNames.words("Dr. Anjali Patel")).isEqualTo("dr-anjali-patel");
    }

    @Test
    void nothing_a_person_typed_reaches_a_header_or_a_path() {
        assertThat(FileNames.words("a\"b\r\nContent-Type: x/../../etc;c")).isEqualTo("a-b-content-type-x-etc-c");
        assertThat(FileNames.of("letter-deadline", "北京协和医院", "ics")).as("nothing readable left").isEqualTo("letter-deadline.ics");
        assertThat(FileNames.of("letter-deadline", null, "ics")).isEqualTo("letter-deadline.ics");
    }

    @Test
    void a_long_name_is_cut_at_a_hyphen() {
        String words = FileNames.words("Saint Mary of the Angels University Teaching Hospital and Medical Research Center");
        assertThat(words).hasSizeLessThanOrEqualTo(FileNames.MAX_WORDS_LENGTH).doesNotEndWith("-")
                .isEqualTo("saint-mary-of-the-angels-university-teaching-hospital-and");
    }
}
