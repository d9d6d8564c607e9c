package org.lorkit.it.letter;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.letter.NewLetterRequest;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.letter.IllegalLetterTransitionException;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.letter.LetterValue;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.it.support.InsideLorKit;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Letter requests through their states, each move stored with its event; illegal moves change nothing. */
class LetterRequestIT extends InsideLorKit {
    @Inject
    LetterRequestService letters;

    private long agencyId;
    private StudentView student;
    private AttendingView patel;
    private RotationView rotation;

    @BeforeEach
    void aStudentWithARotationUnderDrPatel() {
        AgencyView agency = fixtures.agency();
        agencyId = agency.id();
        as.staff(agencyId, () -> {
            student = fixtures.student(fixtures.cohort());
            patel = fixtures.attending("Internal Medicine");
            rotation = fixtures.rotation(student, patel, 24);
        });
    }

    private LetterRequestView plan() {
        return letters.plan(new NewLetterRequest(student.id(), patel.id(), rotation.id(), null));
    }

    @Test
    void a_planned_request_is_stored_with_its_value_rank_and_first_event() {
        as.staff(agencyId, () -> {
            LetterRequestView planned = plan();

            assertThat(planned.state()).isEqualTo(LetterState.PLANNED);
            assertThat(planned.value()).isEqualTo(LetterValue.US_ATTENDING_IN_FIELD);
            assertThat(letters.listByStudent(student.id())).containsExactly(planned);
            assertThat(letters.history(planned.id())).singleElement()
                    .satisfies(e -> assertThat(e.toState()).isEqualTo(LetterState.PLANNED));
        });
    }

    @Test
    void a_request_walks_from_the_ask_to_the_letter_in_eras_with_every_step_in_its_history() {
        as.staff(agencyId, () -> {
            long id = plan().id();
            letters.moveTo(id, LetterState.ASKED, "asked after rounds");
            letters.moveTo(id, LetterState.STRONG_YES, "\"Yes, absolutely\"");
            LetterRequestView kitSent = letters.markKitSent(id);
            letters.moveTo(id, LetterState.CONFIRMED, null);
            LetterRequestView submitted = letters.moveTo(id, LetterState.SUBMITTED, "received in ERAS");

            LocalDate today = fixtures.today();
            assertThat(kitSent.kitSentOn()).isEqualTo(today);
            assertThat(kitSent.deadline()).isAfterOrEqualTo(today.plusDays(1)).isBeforeOrEqualTo(today.plusDays(28));
            assertThat(submitted.state()).isEqualTo(LetterState.SUBMITTED);
            assertThat(letters.find(id)).get().extracting(LetterRequestView::state).isEqualTo(LetterState.SUBMITTED);
            assertThat(letters.history(id)).extracting(LetterEventView::toState).containsExactly(LetterState.PLANNED,
                    LetterState.ASKED, LetterState.STRONG_YES, LetterState.KIT_SENT, LetterState.CONFIRMED, LetterState.SUBMITTED);
            assertThat(letters.history(id)).allSatisfy(e -> assertThat(e.actor()).isNotBlank());
            assertThat(letters.history(id).get(1).reason()).isEqualTo("asked after rounds");
        });
    }

    @Test
    void an_illegal_transition_is_refused_and_neither_the_state_nor_the_history_changes() {
        as.staff(agencyId, () -> {
            long id = plan().id();
            letters.moveTo(id, LetterState.ASKED, null);

            assertThatThrownBy(() -> letters.moveTo(id, LetterState.SUBMITTED, "skipping ahead"))
                    .isInstanceOf(IllegalLetterTransitionException.class)
                    .hasMessageContaining("\"Asked\" cannot move to \"In ERAS\"");
            assertThat(letters.find(id)).get().extracting(LetterRequestView::state).isEqualTo(LetterState.ASKED);
            assertThat(letters.history(id)).hasSize(2);
        });
    }

    @Test
    void a_lukewarm_answer_closes_the_request() {
        as.staff(agencyId, () -> {
            long id = plan().id();
            letters.moveTo(id, LetterState.ASKED, null);
            letters.moveTo(id, LetterState.LUKEWARM, "\"Maybe, let's see if I have time\"");

            assertThatThrownBy(() -> letters.moveTo(id, LetterState.STRONG_YES, null))
                    .isInstanceOf(IllegalLetterTransitionException.class).hasMessageContaining("closed");
        });
    }

    @Test
    void a_letter_about_a_rotation_the_attending_did_not_supervise_is_refused() {
        as.staff(agencyId, () -> {
            AttendingView stranger = fixtures.attending("Pediatrics");

            assertThatThrownBy(() -> letters.plan(new NewLetterRequest(student.id(), stranger.id(), rotation.id(), null)))
                    .isInstanceOf(DomainException.class).hasMessageContaining("did not supervise this rotation");
            assertThat(letters.listByStudent(student.id())).isEmpty();
        });
    }
}
