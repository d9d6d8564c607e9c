package org.lorkit.domain.letter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lorkit.domain.letter.LetterGoal.Letter;
import org.lorkit.domain.letter.LetterGoal.Status;
import org.lorkit.domain.shared.Specialty;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lorkit.domain.letter.LetterState.*;
import static org.lorkit.domain.letter.LetterValue.*;
import static org.lorkit.domain.shared.Specialty.FAMILY_MEDICINE;
import static org.lorkit.domain.shared.Specialty.INTERNAL_MEDICINE;
import static org.lorkit.domain.shared.Specialty.PEDIATRICS;

class LetterGoalTest {
    private static final Set<Specialty> IM = Set.of(INTERNAL_MEDICINE);

    private static Letter im(LetterState state) {
        return new Letter(US_ATTENDING_IN_FIELD, INTERNAL_MEDICINE, state);
    }

    private static Letter peds(LetterState state) {
        return new Letter(US_ATTENDING_OTHER_CORE_FIELD, PEDIATRICS, state);
    }

    @Test
    void noLettersIsShort() {
        LetterGoal goal = LetterGoal.assess(List.of(), IM);

        assertThat(goal.status()).isEqualTo(Status.SHORT);
        assertThat(goal.securedUsClinical()).isZero();
        assertThat(goal.pendingUsClinical()).isZero();
        assertThat(goal.summary()).isEqualTo("You have 0 strong US clinical letters; aim for 2 to 3.");
    }

    @Test
    void oneLetterIsShortWithASingularSummary() {
        LetterGoal goal = LetterGoal.assess(List.of(im(SUBMITTED)), IM);

        assertThat(goal.status()).isEqualTo(Status.SHORT);
        assertThat(goal.summary()).isEqualTo("You have 1 strong US clinical letter; aim for 2 to 3.");
    }

    @Test
    void twoSubmittedWithOneInTargetIsReached() {
        LetterGoal goal = LetterGoal.assess(List.of(im(SUBMITTED), peds(SUBMITTED)), IM);

        assertThat(goal.status()).isEqualTo(Status.REACHED);
        assertThat(goal.securedUsClinical()).isEqualTo(2);
        assertThat(goal.targetSpecialtyCovered()).isTrue();
        assertThat(goal.summary()).isEqualTo(
                "You have 2 strong US clinical letters: a further letter helps only if it is genuinely strong.");
    }

    @Test
    void twoSubmittedInTargetIsReached() {
        assertThat(LetterGoal.assess(List.of(im(SUBMITTED), im(SUBMITTED)), IM).status()).isEqualTo(Status.REACHED);
    }

    @Test
    void twoSubmittedNoneInTargetIsNotReached() {
        LetterGoal goal = LetterGoal.assess(List.of(peds(SUBMITTED), peds(SUBMITTED)), IM);

        assertThat(goal.status()).isNotEqualTo(Status.REACHED).isEqualTo(Status.SHORT);
        assertThat(goal.targetSpecialtyCovered()).isFalse();
        assertThat(goal.summary()).isEqualTo(
                "You have 2 strong US clinical letters; get at least one from your target specialty.");
    }

    @Test
    void oneSubmittedAndOneKitSentInTargetIsOnTrack() {
        LetterGoal goal = LetterGoal.assess(List.of(peds(SUBMITTED), im(KIT_SENT)), IM);

        assertThat(goal.status()).isEqualTo(Status.ON_TRACK);
        assertThat(goal.securedUsClinical()).isEqualTo(1);
        assertThat(goal.pendingUsClinical()).isEqualTo(1);
        assertThat(goal.targetSpecialtyCovered()).isTrue();
    }

    @Test
    void twoSubmittedOutsideTargetPlusOneOnItsWayInTargetIsOnTrack() {
        LetterGoal goal = LetterGoal.assess(List.of(peds(SUBMITTED), peds(SUBMITTED), im(CONFIRMED)), IM);

        assertThat(goal.status()).isEqualTo(Status.ON_TRACK);
    }

    @ParameterizedTest
    @EnumSource(value = LetterState.class, names = {"STRONG_YES", "KIT_SENT", "CONFIRMED", "REMINDED_1", "REMINDED_2"})
    void aStrongYesNotYetUploadedCountsAsPending(LetterState state) {
        LetterGoal goal = LetterGoal.assess(List.of(im(state)), IM);

        assertThat(goal.pendingUsClinical()).isEqualTo(1);
        assertThat(goal.securedUsClinical()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = LetterState.class, names = {"PLANNED", "ASKED", "LUKEWARM", "DECLINED", "NOT_COMING", "WITHDRAWN"})
    void lettersWithoutAStrongYesDoNotCount(LetterState state) {
        LetterGoal goal = LetterGoal.assess(List.of(im(SUBMITTED), im(state), im(state)), IM);

        assertThat(goal.securedUsClinical()).isEqualTo(1);
        assertThat(goal.pendingUsClinical()).isZero();
        assertThat(goal.status()).isEqualTo(Status.SHORT);
    }

    @Test
    void nonUsAndResearchLettersDoNotCount() {
        List<Letter> letters = List.of(
                im(SUBMITTED),
                new Letter(NON_US_CLINICAL, INTERNAL_MEDICINE, SUBMITTED),
                new Letter(RESEARCH_ONLY, INTERNAL_MEDICINE, SUBMITTED),
                new Letter(NON_US_CLINICAL, INTERNAL_MEDICINE, KIT_SENT));

        LetterGoal goal = LetterGoal.assess(letters, IM);

        assertThat(goal.securedUsClinical()).isEqualTo(1);
        assertThat(goal.pendingUsClinical()).isZero();
        assertThat(goal.status()).isEqualTo(Status.SHORT);
        assertThat(goal.summary()).isEqualTo("You have 1 strong US clinical letter; aim for 2 to 3.");
    }

    @Test
    void anyOfSeveralTargetSpecialtiesCoversTheTarget() {
        LetterGoal goal = LetterGoal.assess(List.of(peds(SUBMITTED), new Letter(US_ATTENDING_IN_FIELD, FAMILY_MEDICINE, SUBMITTED)),
                Set.of(INTERNAL_MEDICINE, PEDIATRICS));

        assertThat(goal.status()).isEqualTo(Status.REACHED);
    }

    @Test
    void summaryCountsPendingLettersToo() {
        LetterGoal goal = LetterGoal.assess(List.of(im(SUBMITTED), im(STRONG_YES), peds(REMINDED_1)), IM);

        assertThat(goal.status()).isEqualTo(Status.ON_TRACK);
        assertThat(goal.summary()).startsWith("You have 3 strong US clinical letters");
    }
}
