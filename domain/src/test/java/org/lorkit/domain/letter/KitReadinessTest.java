package org.lorkit.domain.letter;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.worklog.SummaryBullets;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KitReadinessTest {
    private static final LocalDate DEADLINE = LocalDate.of(2027, 9, 1);
    private static final String LEE = "Dr. Dana Lee";
    private static final KitReadiness READY = new KitReadiness(true, true, SummaryBullets.MIN, "12345678", DEADLINE, LEE, true);

    @Test
    void a_complete_kit_lacks_nothing_and_may_go_out() {
        assertThat(READY.missing()).isEmpty();
        assertThat(READY.isReady()).isTrue();
        READY.requireReady();
    }

    @Test
    void without_a_cv() {
        KitReadiness kit = new KitReadiness(false, true, 5, "12345678", DEADLINE, LEE, true);
        assertThat(kit.missing()).containsExactly("your CV");
        assertThat(kit.isReady()).isFalse();
    }

    @Test
    void without_a_personal_statement() {
        assertThat(new KitReadiness(true, false, 5, "12345678", DEADLINE, LEE, true).missing()).containsExactly("your personal statement");
    }

    @Test
    void with_too_few_summary_bullets_says_how_many_are_kept() {
        assertThat(new KitReadiness(true, true, 4, "12345678", DEADLINE, LEE, true).missing())
                .containsExactly("the work summary (4 of at least 5 bullets kept)");
        assertThat(new KitReadiness(true, true, 0, "12345678", DEADLINE, LEE, true).missing())
                .containsExactly("the work summary (0 of at least 5 bullets kept)");
    }

    @Test
    void more_than_the_minimum_of_bullets_is_enough() {
        assertThat(new KitReadiness(true, true, SummaryBullets.MAX, "12345678", DEADLINE, LEE, true).isReady()).isTrue();
    }

    @Test
    void without_the_eras_aamc_id() {
        assertThat(new KitReadiness(true, true, 5, null, DEADLINE, LEE, true).missing()).containsExactly("your ERAS AAMC ID");
    }

    @Test
    void without_a_saved_deadline() {
        assertThat(new KitReadiness(true, true, 5, "12345678", null, LEE, true).missing()).containsExactly("the deadline (save the kit details)");
    }

    @Test
    void without_the_writer_entered_in_eras_says_what_that_means() {
        assertThat(new KitReadiness(true, true, 5, "12345678", DEADLINE, LEE, false).missing())
                .containsExactly("Dr. Dana Lee as a letter writer in ERAS, then tick that you did (ERAS emails the writer the upload "
                        + "link only once you add them; without it they cannot upload)");
        assertThat(KitReadiness.erasEntryQuestion(LEE)).isEqualTo("I have entered Dr. Dana Lee in ERAS as a letter writer");
    }

    @Test
    void everything_missing_is_listed_in_the_kit_pages_order() {
        assertThat(new KitReadiness(false, false, 2, null, null, LEE, false).missing()).containsExactly("your CV", "your personal statement",
                "the work summary (2 of at least 5 bullets kept)", "your ERAS AAMC ID", "the deadline (save the kit details)",
                "Dr. Dana Lee as a letter writer in ERAS, then tick that you did (" + KitReadiness.ERAS_ENTRY_WHY + ")");
    }

    @Test
    void an_incomplete_kit_is_refused_naming_what_is_missing() {
        assertThatThrownBy(() -> new KitReadiness(false, true, 5, null, DEADLINE, LEE, true).requireReady())
                .isInstanceOf(DomainException.class)
                .hasMessage("Before the kit goes out, add your CV, your ERAS AAMC ID")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("kit");
    }
}
