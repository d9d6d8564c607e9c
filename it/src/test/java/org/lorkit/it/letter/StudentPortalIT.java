package org.lorkit.it.letter;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.advice.AdviceService;
import org.lorkit.application.advice.AskService;
import org.lorkit.application.attending.AttendingService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.attending.NewAttending;
import org.lorkit.application.rotation.NewRotation;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.advice.NextAction;
import org.lorkit.domain.advice.NextAction.Kind;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.letter.AnswerHeard;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.letter.LetterValue;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.InsideLorKit;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The student's home and the ask, through the services as the logged-in student calls them. */
class StudentPortalIT extends InsideLorKit {
    @Inject
    AdviceService advice;
    @Inject
    AskService asks;
    @Inject
    RotationService rotations;
    @Inject
    AttendingService attendings;

    private long agency;
    private RotationView endingSoon;
    private AttendingView patel;
    private AttendingView cardiologist;

    /** A rotation that ends in 4 days under an IM attending (24 days) and a cardiologist (9 days). */
    @BeforeEach
    void aStudentOnARotationThatEndsInFourDays() {
        agency = fixtures.agency().id();
        LocalDate today = fixtures.today();
        as.staff(agency, () -> {
            StudentView student = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            patel = fixtures.attending("Internal Medicine");
            cardiologist = attendings.addToDirectory(new NewAttending("Dr. Daniel Lee", Fixtures.unique("lee") + "@heart.example",
                    AttendingTitle.ATTENDING, "Cardiology", true, null));
            RotationView placed = rotations.place(new NewRotation(student.id(), "St. Mary's Medical Center", "Internal Medicine",
                    ClinicalSetting.INPATIENT, RotationKind.HANDS_ON, true, today.minusDays(23), today.plusDays(4)));
            rotations.addSupervisor(placed.id(), cardiologist.id(), 9);
            endingSoon = rotations.addSupervisor(placed.id(), patel.id(), 24);
            return null;
        });
    }

    @Test
    void the_home_says_this_is_the_ideal_time_to_ask_the_best_writer() {
        AdviceService.Home home = as.ownerStudent(agency, () -> advice.home());

        assertThat(home.actions()).first().satisfies(action -> {
            assertThat(action.kind()).isEqualTo(Kind.ASK_NOW);
            assertThat(action.message()).isEqualTo("Your internal medicine rotation at St. Mary's Medical Center ends in 4 days: "
                    + "this is the ideal time to ask Dr. Anjali Patel");
            assertThat(action.rotationId()).isEqualTo(endingSoon.id());
        });
        assertThat(home.actions()).extracting(NextAction::message).contains("You have 0 strong US clinical letters; aim for 2 to 3.");
    }

    @Test
    void a_rotation_that_ended_twenty_days_ago_under_a_brief_supervisor_says_email_now_and_warns_of_a_vague_letter() {
        LocalDate today = fixtures.today();
        as.staff(agency, () -> {
            AttendingView brief = attendings.addToDirectory(new NewAttending("Dr. Grace Kim", Fixtures.unique("kim") + "@clinic.example",
                    AttendingTitle.ATTENDING, "Internal Medicine", true, null));
            RotationView ended = rotations.place(new NewRotation(endingSoon.studentId(), "Lakeside Community Hospital", "Internal Medicine",
                    ClinicalSetting.OUTPATIENT, RotationKind.HANDS_ON, false, today.minusDays(48), today.minusDays(20)));
            return rotations.addSupervisor(ended.id(), brief.id(), 9);
        });

        AdviceService.Home home = as.ownerStudent(agency, () -> advice.home());

        assertThat(home.actions()).filteredOn(action -> action.kind() == Kind.ASK_BY_EMAIL).singleElement()
                .extracting(NextAction::message).isEqualTo("Your rotation ended 20 days ago: the acceptable window closes in 8 days");
        assertThat(home.actions()).filteredOn(action -> action.kind() == Kind.VAGUE_LETTER_RISK).singleElement()
                .extracting(NextAction::message).isEqualTo("You worked with Dr. Grace Kim for 9 days: a letter is likely to be vague");
        // The ideal window of the current rotation still comes first.
        assertThat(home.actions()).first().extracting(NextAction::kind).isEqualTo(Kind.ASK_NOW);
    }

    @Test
    void candidates_come_best_value_first_with_a_script_that_asks_for_a_strong_letter() {
        var candidates = as.ownerStudent(agency, () -> asks.candidates());
        AskService.Script script = as.ownerStudent(agency, () -> asks.script(endingSoon.id(), patel.id()));

        assertThat(candidates).extracting(AskService.Candidate::value)
                .containsExactly(LetterValue.US_ATTENDING_IN_FIELD, LetterValue.US_SUBSPECIALIST_IN_FIELD);
        assertThat(script.inPerson()).contains("strong letter of recommendation").startsWith("Dr. Patel,"); // by title and family name (issue 18)
        assertThat(script.emailBody()).contains("strong letter of recommendation").contains("St. Mary's Medical Center");
    }

    @Test
    void a_real_yes_makes_sending_the_kit_the_first_thing_to_do() {
        AskService.AnswerOutcome outcome = as.ownerStudent(agency,
                () -> asks.recordAnswer(endingSoon.id(), patel.id(), AnswerHeard.STRONG_YES, "Yes, absolutely. I'd be happy to."));

        assertThat(outcome.request().state()).isEqualTo(LetterState.STRONG_YES);
        assertThat(outcome.nextWriters()).isEmpty();
        assertThat(as.ownerStudent(agency, () -> advice.home()).actions()).first().satisfies(action -> {
            assertThat(action.kind()).isEqualTo(Kind.SEND_KIT);
            assertThat(action.message()).isEqualTo("Dr. Anjali Patel said yes today: send the kit today");
        });
    }

    @Test
    void a_letter_without_strong_is_a_polite_no_and_the_next_writer_is_proposed() {
        AskService.AnswerOutcome outcome = as.ownerStudent(agency,
                () -> asks.recordAnswer(endingSoon.id(), patel.id(), AnswerHeard.LETTER_WITHOUT_STRONG, "I can write you a letter."));

        assertThat(outcome.request().state()).isEqualTo(LetterState.LUKEWARM);
        assertThat(outcome.nextWriters()).extracting(AskService.Candidate::attendingName).containsExactly("Dr. Daniel Lee");
        assertThat(as.ownerStudent(agency, () -> advice.home()).actions()).extracting(NextAction::kind).contains(Kind.FIND_ANOTHER_WRITER);
    }

    @Test
    void not_comfortable_is_declined_and_asking_the_same_attending_twice_is_refused() {
        AskService.AnswerOutcome outcome = as.ownerStudent(agency,
                () -> asks.recordAnswer(endingSoon.id(), patel.id(), AnswerHeard.NOT_COMFORTABLE, "I'm not comfortable writing one."));

        assertThat(outcome.request().state()).isEqualTo(LetterState.DECLINED);
        assertThatThrownBy(() -> as.ownerStudent(agency,
                        () -> asks.recordAnswer(endingSoon.id(), patel.id(), AnswerHeard.STRONG_YES, "Yes!")))
                .isInstanceOf(DomainException.class).hasMessageContaining("You already asked Dr. Anjali Patel");
    }

    @Test
    void a_letter_offered_before_the_ask_is_no_yes_the_home_says_to_ask_for_a_strong_one() {
        AskService.AnswerOutcome outcome = as.ownerStudent(agency, () -> asks.recordAnswer(endingSoon.id(), cardiologist.id(),
                AnswerHeard.OFFERED_BEFORE_ASKED, "Let me know if you want a letter from me."));

        assertThat(outcome.request().state()).isEqualTo(LetterState.PLANNED);
        assertThat(outcome.request().offeredUnprompted()).isTrue();
        assertThat(outcome.nextWriters()).isEmpty();
        assertThat(as.ownerStudent(agency, () -> advice.home()).actions()).first().satisfies(action -> {
            assertThat(action.kind()).isEqualTo(Kind.ASK_NOW);
            assertThat(action.message()).isEqualTo("Dr. Daniel Lee offered you a letter: ask them today whether they would feel "
                    + "comfortable writing you a strong letter, and record that answer");
        });
        assertThat(as.ownerStudent(agency, () -> asks.candidates())).filteredOn(c -> c.attendingId() == cardiologist.id())
                .singleElement().satisfies(c -> {
                    assertThat(c.isAskable()).as("the strong question is still to ask").isTrue();
                    assertThat(c.standing()).isEqualTo("Offered a letter: ask for a strong one");
                });

        // The student asks the strong question, and records that answer.
        AskService.AnswerOutcome answered = as.ownerStudent(agency, () -> asks.recordAnswer(endingSoon.id(), cardiologist.id(),
                AnswerHeard.STRONG_YES, "Absolutely, send me your materials."));

        assertThat(answered.request().id()).isEqualTo(outcome.request().id());
        assertThat(answered.request().state()).isEqualTo(LetterState.STRONG_YES);
        assertThat(answered.request().answer().words()).isEqualTo("Absolutely, send me your materials.");
    }

    @Test
    void the_reader_only_suggests_and_an_answer_needs_a_choice() {
        AskService.AnswerGuess guess = as.ownerStudent(agency, () -> asks.suggestAnswer("I can't promise a strong letter, but sure"));
        assertThat(guess.heard()).isEqualTo(AnswerHeard.LETTER_WITHOUT_STRONG);

        assertThatThrownBy(() -> as.ownerStudent(agency, () -> asks.recordAnswer(endingSoon.id(), patel.id(), null, "Sure!")))
                .isInstanceOf(jakarta.validation.ConstraintViolationException.class).hasMessageContaining("Choose what they said");
    }
}
