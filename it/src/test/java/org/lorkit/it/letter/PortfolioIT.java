package org.lorkit.it.letter;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.advice.AdviceService;
import org.lorkit.application.advice.FeedbackService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.letter.NewLetterRequest;
import org.lorkit.application.letter.Portfolio;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.advice.NextAction;
import org.lorkit.domain.feedback.FeedbackClassifier.RedFlag;
import org.lorkit.domain.feedback.FeedbackSignal;
import org.lorkit.domain.letter.ErasReport;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.rotation.AskWindow;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.InsideLorKit;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The letter portfolio as the student uses it: "received in ERAS", the writer's upload, the mismatch flag
 * after three days either way (days pass on the application's clock), the history, duplicates refused;
 * and the feedback check and rotation plans that come before the ask.
 */
class PortfolioIT extends InsideLorKit {
    @Inject
    LetterRequestService letters;
    @Inject
    AdviceService advice;
    @Inject
    FeedbackService feedback;
    @Inject
    Clocks clocks;

    private long agency;
    private StudentView student;
    private AttendingView patel;
    private RotationView rotation;

    @BeforeEach
    void aStudentWithARotation() {
        agency = fixtures.agency().id();
        as.staff(agency, () -> {
            var cohort = fixtures.cohort();
            student = fixtures.student(cohort, Identities.OWNER_STUDENT);
            fixtures.student(cohort, Identities.OTHER_STUDENT);
            patel = fixtures.attending("Internal Medicine");
            rotation = fixtures.rotation(student, patel, 24);
            return null;
        });
    }

    @AfterEach
    void backToRealTime() {
        clocks.reset();
    }

    /** A request whose kit went out today. */
    private long kitSent(AttendingView writer, RotationView on) {
        return as.ownerStudent(agency, () -> {
            long id = letters.plan(new NewLetterRequest(student.id(), writer.id(), on.id(), null)).id();
            letters.moveTo(id, LetterState.ASKED, null);
            letters.moveTo(id, LetterState.STRONG_YES, "\"happy to\"");
            return letters.markKitSent(id).id();
        });
    }

    private Portfolio.Letter letter(long requestId) {
        return as.ownerStudent(agency, () -> letters.portfolio(student.id())).letters().stream()
                .filter(l -> l.request().id() == requestId).findFirst().orElseThrow();
    }

    private List<NextAction> home() {
        return as.ownerStudent(agency, () -> advice.home()).actions();
    }

    @Test
    void an_upload_the_writer_reports_but_eras_does_not_show_is_flagged_on_the_third_day() {
        long id = kitSent(patel, rotation);

        LetterRequestView reported = as.ownerStudent(agency, () -> letters.reportWriterUpload(id));

        assertThat(reported.state()).as("reported by the writer: not received until ERAS shows it").isEqualTo(LetterState.KIT_SENT);
        assertThat(letter(id).erasStatus()).isEqualTo(ErasReport.Status.WRITER_REPORTED);
        assertThat(letter(id).isReportedByWriterOnly()).isTrue();
        assertThat(letter(id).isWriterUploadReportable()).as("said once").isFalse();
        assertThat(letter(id).isReceivedReportable()).isTrue();
        assertThat(letter(id).erasText()).startsWith("Reported by the writer: Dr. Anjali Patel says the letter was uploaded today.");
        assertThat(as.ownerStudent(agency, () -> letters.portfolio(student.id())).goal().securedUsClinical()).isZero();
        assertThat(home()).extracting(NextAction::kind).contains(NextAction.Kind.CONFIRM_IN_ERAS);

        clocks.advance(Duration.ofDays(2));
        assertThat(letter(id).isMismatch()).as("two days later: not yet").isFalse();

        clocks.advance(Duration.ofDays(1));
        Portfolio.Letter flagged = letter(id);
        assertThat(flagged.isMismatch()).isTrue();
        assertThat(flagged.erasText()).startsWith("Mismatch: Dr. Anjali Patel reported the upload 3 days ago but ERAS does not show it");
        assertThat(home()).first().satisfies(action -> {
            assertThat(action.kind()).isEqualTo(NextAction.Kind.ERAS_MISMATCH);
            assertThat(action.requestId()).isEqualTo(id);
        });

        as.ownerStudent(agency, () -> letters.reportReceivedInEras(id));
        assertThat(letter(id).erasStatus()).isEqualTo(ErasReport.Status.CONFIRMED);
        assertThat(letter(id).request().state()).isEqualTo(LetterState.SUBMITTED);
        assertThat(as.ownerStudent(agency, () -> letters.portfolio(student.id())).goal().securedUsClinical()).isEqualTo(1);
        assertThat(home()).extracting(NextAction::kind).doesNotContain(NextAction.Kind.ERAS_MISMATCH, NextAction.Kind.CONFIRM_IN_ERAS);
    }

    @Test
    void a_letter_eras_shows_but_the_writer_never_confirmed_is_flagged_too() {
        long id = kitSent(patel, rotation);

        as.ownerStudent(agency, () -> letters.reportReceivedInEras(id));
        assertThat(letter(id).request().state()).isEqualTo(LetterState.SUBMITTED);
        assertThat(letter(id).isMismatch()).isFalse();

        clocks.advance(Duration.ofDays(3));
        assertThat(letter(id).erasStatus()).isEqualTo(ErasReport.Status.MISMATCH_WRITER_SILENT);
    }

    @Test
    void received_in_eras_counts_toward_the_goal_and_is_kept_in_the_history_once() {
        long id = kitSent(patel, rotation);

        as.ownerStudent(agency, () -> letters.reportReceivedInEras(id));
        as.ownerStudent(agency, () -> letters.reportReceivedInEras(id));

        Portfolio portfolio = as.ownerStudent(agency, () -> letters.portfolio(student.id()));
        assertThat(portfolio.goal().securedUsClinical()).isEqualTo(1);
        assertThat(portfolio.goal().summary()).isEqualTo("You have 1 strong US clinical letter; aim for 2 to 3.");
        assertThat(portfolio.letters().get(0).history()).extracting(LetterEventView::toState)
                .containsExactly(LetterState.PLANNED, LetterState.ASKED, LetterState.STRONG_YES, LetterState.KIT_SENT, LetterState.SUBMITTED);
        assertThat(portfolio.letters().get(0).history()).last().extracting(LetterEventView::reason)
                .isEqualTo("ERAS shows the letter as received");
    }

    @Test
    void a_letter_not_yet_sent_cannot_be_reported_received() {
        long id = as.ownerStudent(agency, () -> letters.plan(new NewLetterRequest(student.id(), patel.id(), rotation.id(), null)).id());

        assertThatThrownBy(() -> as.ownerStudent(agency, () -> letters.reportReceivedInEras(id)))
                .isInstanceOf(DomainException.class).hasMessageContaining("once the kit has gone out; this request is planned");
    }

    @Test
    void a_second_request_to_the_same_attending_for_the_same_rotation_is_refused_until_the_first_is_withdrawn() {
        long first = as.ownerStudent(agency, () -> letters.plan(new NewLetterRequest(student.id(), patel.id(), rotation.id(), null)).id());

        assertThatThrownBy(() -> as.ownerStudent(agency, () -> letters.plan(new NewLetterRequest(student.id(), patel.id(), rotation.id(), null))))
                .isInstanceOf(DomainException.class)
                .hasMessage("You already have a letter request to Dr. Anjali Patel for this rotation (planned)");

        as.ownerStudent(agency, () -> letters.moveTo(first, LetterState.WITHDRAWN, "changed my mind"));
        LetterRequestView again = as.ownerStudent(agency, () -> letters.plan(new NewLetterRequest(student.id(), patel.id(), rotation.id(), null)));
        assertThat(again.state()).isEqualTo(LetterState.PLANNED);
        assertThat(as.ownerStudent(agency, () -> letters.portfolio(student.id())).letters()).hasSize(2);
    }

    @Test
    void feedback_is_read_as_green_light_neutral_or_red_flag_and_kept() {
        FeedbackService.Check green = as.ownerStudent(agency, () -> feedback.record(rotation.id(), patel.id(),
                "You're doing great, keep this up.", Set.of()));
        FeedbackService.Check neutral = as.ownerStudent(agency, () -> feedback.record(rotation.id(), patel.id(),
                "Read more about heart failure.", Set.of()));
        FeedbackService.Check red = as.ownerStudent(agency, () -> feedback.record(rotation.id(), patel.id(),
                "Fine.", Set.of(RedFlag.BARELY_TALKED, RedFlag.IRRITATED_BY_IMGS_OR_VISAS)));

        assertThat(green.signal()).isEqualTo(FeedbackSignal.GREEN_LIGHT);
        assertThat(green.advice()).isEqualTo("A green light: ask Dr. Anjali Patel for a strong letter in the last days of the rotation.");
        assertThat(neutral.signal()).isEqualTo(FeedbackSignal.NEUTRAL);
        assertThat(red.signal()).isEqualTo(FeedbackSignal.RED_FLAG);
        assertThat(red.reasons()).containsExactly("They barely talked to you and stayed in the workroom",
                "They seemed irritated that you were an IMG or on a visa");
        assertThat(as.ownerStudent(agency, () -> feedback.myChecks())).extracting(FeedbackService.Check::id)
                .containsExactly(red.id(), neutral.id(), green.id());
        assertThat(as.ownerStudent(agency, () -> advice.rotationPlan(rotation.id())).writers())
                .singleElement().extracting(AdviceService.Writer::lastFeedback).isEqualTo(FeedbackSignal.RED_FLAG);
        assertThatThrownBy(() -> as.otherStudent(agency, () -> feedback.record(rotation.id(), patel.id(), "Great job", Set.of())))
                .isInstanceOf(DomainException.class).hasMessage("No rotation with id " + rotation.id());
    }

    @Test
    void a_rotation_plan_draws_the_ask_window_and_ranks_the_writers() {
        AttendingView lee = as.staff(agency, () -> fixtures.attending("Pediatrics"));
        RotationView second = as.staff(agency, () -> fixtures.rotation(student, lee, 9));

        List<AdviceService.RotationPlan> plans = as.ownerStudent(agency, () -> advice.rotationPlans());

        assertThat(plans).hasSize(2);
        AdviceService.RotationPlan plan = plans.stream().filter(p -> p.id() == rotation.id()).findFirst().orElseThrow();
        assertThat(plan.timeline().segments()).extracting(s -> s.phase())
                .containsExactly(AskWindow.Phase.TOO_EARLY, AskWindow.Phase.IDEAL, AskWindow.Phase.ACCEPTABLE, AskWindow.Phase.LATE);
        assertThat(plan.window().idealFrom()).isEqualTo(rotation.endDate().minusDays(4));
        assertThat(plan.writers()).singleElement().satisfies(w -> {
            assertThat(w.contactDays()).isEqualTo(24);
            assertThat(w.value().rank()).isEqualTo(1);
        });
        assertThat(plans.stream().filter(p -> p.id() == second.id()).findFirst().orElseThrow().writers())
                .singleElement().satisfies(w -> {
                    assertThat(w.value().rank()).as("a pediatrician on a medicine rotation is worth less").isGreaterThan(1);
                    assertThat(w.contact()).isEqualTo(org.lorkit.domain.rotation.ContactAdvice.LIKELY_VAGUE);
                });
    }
}
