package org.lorkit.domain.worklog;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.TestData;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.DomainException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryBulletsTest {
    private static final Rotation ROTATION = TestData.imRotation(TestData.student());

    private static List<String> bullets(int count) {
        List<String> bullets = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            bullets.add("Bullet " + i);
        }
        return bullets;
    }

    private static WorkLogEntry entry(WorkLogKind kind, String text) {
        return new WorkLogEntry(ROTATION, LocalDate.of(2027, 6, 10), kind, text);
    }

    @Test
    void five_to_eight_bullets_are_kept_in_the_students_order_stripped() {
        assertThat(SummaryBullets.check(List.of(" b ", "a", "d", "c", "e"))).containsExactly("b", "a", "d", "c", "e");
        assertThat(SummaryBullets.check(bullets(SummaryBullets.MAX))).hasSize(8);
    }

    @Test
    void blank_lines_are_dropped_before_counting() {
        assertThat(SummaryBullets.check(Arrays.asList("1", "", null, "2", "  ", "3", "4", "5"))).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void fewer_than_five_or_more_than_eight_are_refused_with_the_count() {
        assertThatThrownBy(() -> SummaryBullets.check(bullets(4))).isInstanceOf(DomainException.class)
                .hasMessage("Keep 5 to 8 bullets; you have 4");
        assertThatThrownBy(() -> SummaryBullets.check(bullets(9))).hasMessage("Keep 5 to 8 bullets; you have 9");
        assertThatThrownBy(() -> SummaryBullets.check(null)).hasMessage("Keep 5 to 8 bullets; you have 0");
    }

    @Test
    void a_long_bullet_is_refused_never_cut() {
        List<String> bullets = bullets(5);
        bullets.add(1, "x".repeat(SummaryBullets.MAX_LENGTH + 1));
        assertThatThrownBy(() -> SummaryBullets.check(bullets)).isInstanceOf(DomainException.class)
                .hasMessage("Bullet 2 has 301 characters; keep each bullet to 300 or fewer")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("bullets");
        List<String> exactly = bullets(4);
        exactly.add("y".repeat(SummaryBullets.MAX_LENGTH));
        assertThat(SummaryBullets.check(exactly)).hasSize(5);
    }

    @Test
    void proposals_lead_each_entry_with_what_the_student_did() {
        assertThat(SummaryBullets.propose(List.of(
                entry(WorkLogKind.PATIENT_FOLLOWED, "A patient with CHF exacerbation"),
                entry(WorkLogKind.PRESENTATION, "Morning report on hyponatremia"),
                entry(WorkLogKind.NOTE_WRITTEN, "Admission notes for 3 patients"),
                entry(WorkLogKind.FOLLOW_UP, "Pending cultures"),
                entry(WorkLogKind.FEEDBACK_RECEIVED, "Clear presentations"),
                entry(WorkLogKind.LEARNED, "How to titrate insulin"))))
                .containsExactly("Followed a patient with CHF exacerbation", "Presented morning report on hyponatremia",
                        "Wrote admission notes for 3 patients", "Followed up on pending cultures", "Feedback: clear presentations",
                        "Learned how to titrate insulin");
    }

    @Test
    void an_entry_that_already_starts_with_its_lead_is_kept_as_written() {
        assertThat(SummaryBullets.propose(List.of(entry(WorkLogKind.PRESENTATION, "Presented grand rounds"),
                entry(WorkLogKind.LEARNED, "learned to read ECGs"))))
                .containsExactly("Presented grand rounds", "learned to read ECGs");
    }

    @Test
    void proposals_drop_repeats_and_bullets_too_long_to_keep() {
        assertThat(SummaryBullets.propose(List.of(entry(WorkLogKind.LEARNED, "Lumbar punctures"),
                entry(WorkLogKind.LEARNED, "Lumbar punctures"),
                entry(WorkLogKind.NOTE_WRITTEN, "n".repeat(SummaryBullets.MAX_LENGTH)))))
                .containsExactly("Learned lumbar punctures");
        assertThat(SummaryBullets.propose(List.of())).isEmpty();
    }
}
