package org.lorkit.domain.letter;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DraftLetterTest {
    private static final DraftLetter.Facts FACTS = new DraftLetter.Facts("Amara Okafor", "Dr. Priya Patel", "internal medicine",
            "St. Mary's Hospital", LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 28), "hands-on visiting student",
            "internal medicine residency", List.of("Followed 4 to 6 patients daily", "Presented on rounds every morning"));

    @Test
    void the_draft_says_first_that_it_is_a_draft_the_attending_owns() {
        String draft = DraftLetter.write(FACTS);

        assertThat(draft.lines().findFirst()).contains("DRAFT FOR DR. PATEL TO REVIEW AND REWRITE - NOT A FINAL LETTER");
        assertThat(draft).contains("Prepared by Amara Okafor at Dr. Patel's request.", "the assessment, the final wording and the signature are yours");
    }

    @Test
    void the_draft_holds_the_facts_and_the_bullets_verbatim() {
        String draft = DraftLetter.write(FACTS);

        assertThat(draft).contains("Dear Program Director,", "internal medicine service at St. Mary's Hospital from 1 Jun 2027 to 28 Jun 2027",
                "- Followed 4 to 6 patients daily\n", "- Presented on rounds every morning\n");
    }

    @Test
    void the_draft_is_signed_with_the_writers_whole_name() {
        assertThat(DraftLetter.write(FACTS)).contains("Sincerely,\n\nDr. Priya Patel\n");
    }

    @Test
    void the_draft_adds_no_superlative_of_its_own() {
        String draft = DraftLetter.write(FACTS).toLowerCase(Locale.ROOT);

        assertThat(DraftLetter.SUPERLATIVES).allSatisfy(word -> assertThat(draft).doesNotContainPattern("\\b" + word + "\\b"));
    }

    @Test
    void without_bullets_the_draft_leaves_a_place_for_the_attending_facts() {
        String draft = DraftLetter.write(new DraftLetter.Facts("A", "Dr. B", "surgery", "Mercy", LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 1, 28), "observer", "general use", List.of()));

        assertThat(draft).contains("[What A did on the service: add the facts you observed.]");
    }
}
