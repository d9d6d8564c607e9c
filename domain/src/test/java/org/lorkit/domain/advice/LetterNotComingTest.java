package org.lorkit.domain.advice;

import org.lorkit.domain.agency.AgencyRules;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.advice.WriterSuggestions.Candidate;
import org.lorkit.domain.letter.LetterState;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LetterNotComingTest {
    private static final LocalDate DEC_3 = LocalDate.of(2026, 12, 3);

    private static List<WriterSuggestions.Suggestion> writers(Candidate... candidates) {
        return WriterSuggestions.rank(List.of(candidates), AgencyRules.DEFAULTS);
    }

    @Test
    void a_decline_names_the_writer_the_day_and_the_next_writer() {
        LetterNotComing declined = new LetterNotComing(5, "Dr. Patel", LetterState.DECLINED, DEC_3,
                writers(new Candidate(10, 2, "Dr. Kim", 1, 24, false, false)));

        assertThat(declined.line()).isEqualTo("Dr. Patel (declined 3 Dec 2026): next, ask Dr. Kim");
    }

    @Test
    void a_letter_not_coming_names_at_most_two_next_writers_in_staffs_words() {
        LetterNotComing silent = new LetterNotComing(5, "Dr. Patel", LetterState.NOT_COMING, DEC_3, writers(
                new Candidate(10, 2, "Dr. Kim", 1, 24, false, false),
                new Candidate(10, 3, "Dr. Rossi", 1, 28, true, false),
                new Candidate(10, 4, "Dr. Lee", 3, 20, false, false)));

        assertThat(silent.line()).isEqualTo("Dr. Patel (not coming after two reminders, 3 Dec 2026): next, ask Dr. Kim or Dr. Lee");
        assertThat(new LetterNotComing(5, "Dr. Patel", LetterState.NOT_COMING, DEC_3,
                writers(new Candidate(10, 3, "Dr. Rossi", 1, 28, true, false))).next())
                .isEqualTo("next, ask Dr. Rossi (red flag in the student's last feedback check)");
    }

    @Test
    void with_nobody_left_staff_are_told_what_would_help() {
        assertThat(new LetterNotComing(5, "Dr. Patel", LetterState.DECLINED, DEC_3, List.of()).next())
                .isEqualTo("no supervisor is left to ask: place the student on a rotation, or add a supervisor");
    }

    @Test
    void only_a_decline_or_a_letter_not_coming_is_news_for_this_list() {
        assertThat(LetterNotComing.applies(LetterState.DECLINED)).isTrue();
        assertThat(LetterNotComing.applies(LetterState.NOT_COMING)).isTrue();
        assertThat(LetterNotComing.applies(LetterState.LUKEWARM)).isFalse();
        assertThat(LetterNotComing.applies(LetterState.REMINDED_2)).isFalse();
        assertThatThrownBy(() -> new LetterNotComing(5, "Dr. Patel", LetterState.KIT_SENT, DEC_3, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
