package org.lorkit.domain.advice;

import org.lorkit.domain.agency.AgencyRules;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.advice.StudentSituation.LetterFacts;
import org.lorkit.domain.advice.StudentSituation.RotationFacts;
import org.lorkit.domain.advice.StudentSituation.Supervisor;
import org.lorkit.domain.advice.WriterSuggestions.Candidate;
import org.lorkit.domain.advice.WriterSuggestions.Reason;
import org.lorkit.domain.advice.WriterSuggestions.Suggestion;
import org.lorkit.domain.letter.ErasReport;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Specialty;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WriterSuggestionsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static Candidate candidate(long attendingId, String name, int valueRank, int contactDays, boolean redFlag) {
        return new Candidate(10, attendingId, name, valueRank, contactDays, redFlag, false);
    }

    private static List<String> names(List<Suggestion> suggestions) {
        return suggestions.stream().map(s -> s.candidate().name()).toList();
    }

    @Test
    void writers_come_by_letter_value_then_by_the_longest_contact() {
        List<Suggestion> ranked = WriterSuggestions.rank(List.of(
                candidate(1, "Dr. Cardio", 3, 28, false),
                candidate(2, "Dr. Short", 1, 14, false),
                candidate(3, "Dr. Long", 1, 28, false)), AgencyRules.DEFAULTS);

        assertThat(names(ranked)).containsExactly("Dr. Long", "Dr. Short", "Dr. Cardio");
        assertThat(ranked).noneMatch(Suggestion::isCautioned);
        assertThat(ranked.get(0).caution()).isNull();
        assertThat(ranked.get(0).named()).isEqualTo("Dr. Long");
    }

    @Test
    void under_two_weeks_of_contact_goes_last_whatever_its_value_with_the_reason_in_words() {
        List<Suggestion> ranked = WriterSuggestions.rank(List.of(
                candidate(1, "Dr. Brief", 1, 9, false),
                candidate(2, "Dr. Other Field", 4, 20, false)), AgencyRules.DEFAULTS);

        assertThat(names(ranked)).containsExactly("Dr. Other Field", "Dr. Brief");
        assertThat(ranked.get(1).reasons()).containsExactly(Reason.SHORT_CONTACT);
        assertThat(ranked.get(1).caution()).isEqualTo("only 9 days together: the letter would likely be vague");
        assertThat(ranked.get(1).named()).isEqualTo("Dr. Brief (only 9 days together: the letter would likely be vague)");
    }

    @Test
    void fourteen_days_is_enough_contact() {
        assertThat(WriterSuggestions.reasons(13, false, AgencyRules.DEFAULTS)).containsExactly(Reason.SHORT_CONTACT);
        assertThat(WriterSuggestions.reasons(14, false, AgencyRules.DEFAULTS)).isEmpty();
    }

    @Test
    void a_red_flag_in_the_last_feedback_check_goes_after_short_contact() {
        List<Suggestion> ranked = WriterSuggestions.rank(List.of(
                candidate(1, "Dr. Flagged", 1, 28, true),
                candidate(2, "Dr. Brief", 1, 9, false),
                candidate(3, "Dr. Fine", 3, 20, false)), AgencyRules.DEFAULTS);

        assertThat(names(ranked)).containsExactly("Dr. Fine", "Dr. Brief", "Dr. Flagged");
        assertThat(ranked.get(2).caution()).isEqualTo("red flag in your last feedback check");
        assertThat(ranked.get(2).cautionForStaff()).isEqualTo("red flag in the student's last feedback check");
    }

    @Test
    void both_reasons_are_said_together() {
        Suggestion both = WriterSuggestions.rank(List.of(candidate(1, "Dr. Both", 1, 2, true)), AgencyRules.DEFAULTS).get(0);

        assertThat(both.caution()).isEqualTo("red flag in your last feedback check; only 2 days together: the letter would likely be vague");
        assertThat(WriterSuggestions.rank(List.of(candidate(1, "Dr. One", 1, 1, false)), AgencyRules.DEFAULTS).get(0).caution())
                .isEqualTo("only 1 day together: the letter would likely be vague");
        assertThat(WriterSuggestions.rank(List.of(candidate(1, "Dr. None", 1, 0, false)), AgencyRules.DEFAULTS).get(0).caution())
                .isEqualTo("no days of contact recorded: the letter would likely be vague");
    }

    @Test
    void between_equals_an_academic_affiliated_site_comes_first() {
        List<Suggestion> ranked = WriterSuggestions.rank(List.of(
                new Candidate(10, 1, "Dr. Community", 1, 24, false, false),
                new Candidate(11, 2, "Dr. Academic", 1, 24, false, true)), AgencyRules.DEFAULTS);

        assertThat(names(ranked)).containsExactly("Dr. Academic", "Dr. Community");
    }

    @Test
    void a_supervisor_is_askable_until_a_request_to_them_went_further_than_planned() {
        assertThat(WriterSuggestions.isAskable(null)).isTrue();
        assertThat(WriterSuggestions.isAskable(LetterState.PLANNED)).isTrue();
        assertThat(WriterSuggestions.isAskable(LetterState.ASKED)).isFalse();
        assertThat(WriterSuggestions.isAskable(LetterState.DECLINED)).isFalse();
    }

    @Test
    void the_next_writers_are_the_supervisors_of_every_rotation_not_yet_asked_best_first() {
        RotationFacts medicine = new RotationFacts(10, Specialty.INTERNAL_MEDICINE, "St. Mary's", TODAY.minusDays(30), TODAY.minusDays(3),
                List.of(new Supervisor(1, "Dr. Patel", 24, 1), new Supervisor(2, "Dr. Lee", 9, 3)), true);
        RotationFacts clinic = new RotationFacts(11, Specialty.FAMILY_MEDICINE, "Lakeside", TODAY.minusDays(60), TODAY.minusDays(33),
                List.of(new Supervisor(3, "Dr. Kim", 20, 4), new Supervisor(4, "Dr. Rossi", 28, 4, true)), false);
        LetterFacts declined = new LetterFacts(5, 10, 1, "Dr. Patel", LetterState.DECLINED, TODAY, null, null, null, ErasReport.NONE);

        List<Suggestion> next = WriterSuggestions.next(new StudentSituation(List.of(medicine, clinic), List.of(declined), null), AgencyRules.DEFAULTS);

        assertThat(names(next)).containsExactly("Dr. Kim", "Dr. Lee", "Dr. Rossi");
        assertThat(WriterSuggestions.inWords(next, 2, false))
                .isEqualTo("Dr. Kim or Dr. Lee (only 9 days together: the letter would likely be vague)");
        assertThat(WriterSuggestions.inWords(next, 5, true))
                .endsWith("Dr. Rossi (red flag in the student's last feedback check)");
        assertThat(WriterSuggestions.inWords(List.of(), 2, false)).isEmpty();
    }

    @Test
    void a_writer_who_supervised_two_rotations_is_named_once() {
        List<Suggestion> ranked = WriterSuggestions.rank(List.of(
                new Candidate(10, 1, "Dr. Patel", 1, 24, false, false),
                new Candidate(11, 1, "Dr. Patel", 1, 20, false, false),
                new Candidate(11, 2, "Dr. Kim", 1, 14, false, false)), AgencyRules.DEFAULTS);

        assertThat(WriterSuggestions.inWords(ranked, 2, false)).isEqualTo("Dr. Patel or Dr. Kim");
    }

    @Test
    void a_writer_already_asked_on_one_rotation_is_no_next_writer_on_another() {
        Candidate patelOnMedicine = new Candidate(10, 1, "Dr. Patel", 1, 24, false, false);
        Candidate patelOnClinic = new Candidate(11, 1, "Dr. Patel", 1, 20, false, false);
        Candidate kim = new Candidate(11, 2, "Dr. Kim", 4, 20, false, false);

        List<Suggestion> next = WriterSuggestions.next(List.of(new WriterSuggestions.Standing(patelOnMedicine, LetterState.DECLINED),
                new WriterSuggestions.Standing(patelOnClinic, null), new WriterSuggestions.Standing(kim, LetterState.PLANNED)), AgencyRules.DEFAULTS);

        assertThat(names(next)).containsExactly("Dr. Kim");
    }
}
