package org.lorkit.domain.letter;

import static org.lorkit.domain.TestData.utc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lorkit.domain.TestData;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Labels;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.lorkit.domain.letter.LetterState.*;

class LetterStateTest {
    private static final Instant AT = Instant.parse("2027-06-27T15:00:00Z");
    private static final Set<LetterState> CLOSED_STATES = EnumSet.of(LUKEWARM, DECLINED, NOT_COMING, SUBMITTED, WITHDRAWN);

    /**
     * The transitions written out by hand from the domain brief (plus the two extras LetterState
     * documents: KIT_SENT to REMINDED_1, late declines; an offer before the ask is no strong yes, so
     * PLANNED leads to ASKED only), so the test does not merely read back LetterState.next().
     */
    private static final Map<LetterState, Set<LetterState>> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(PLANNED, EnumSet.of(ASKED, WITHDRAWN)),
            Map.entry(ASKED, EnumSet.of(STRONG_YES, LUKEWARM, DECLINED, WITHDRAWN)),
            Map.entry(STRONG_YES, EnumSet.of(KIT_SENT, WITHDRAWN)),
            Map.entry(KIT_SENT, EnumSet.of(CONFIRMED, REMINDED_1, SUBMITTED, DECLINED, WITHDRAWN)),
            Map.entry(CONFIRMED, EnumSet.of(REMINDED_1, SUBMITTED, DECLINED, WITHDRAWN)),
            Map.entry(REMINDED_1, EnumSet.of(REMINDED_2, SUBMITTED, DECLINED, WITHDRAWN)),
            Map.entry(REMINDED_2, EnumSet.of(NOT_COMING, SUBMITTED, DECLINED, WITHDRAWN)),
            Map.entry(LUKEWARM, EnumSet.noneOf(LetterState.class)),
            Map.entry(DECLINED, EnumSet.noneOf(LetterState.class)),
            Map.entry(NOT_COMING, EnumSet.noneOf(LetterState.class)),
            Map.entry(SUBMITTED, EnumSet.noneOf(LetterState.class)),
            Map.entry(WITHDRAWN, EnumSet.noneOf(LetterState.class))));

    private Student student;
    private Attending attending;
    private Rotation rotation;

    @BeforeEach
    void setUp() {
        student = TestData.student();
        attending = TestData.imAttending();
        rotation = TestData.imRotation(student);
        rotation.addSupervisor(attending, 28);
    }

    private LetterRequest newRequest() {
        return new LetterRequest(student, attending, rotation, Specialty.INTERNAL_MEDICINE, AT);
    }

    /** Every state change as the application makes it: the kit goes out with a deadline, the rest by moveTo. */
    private static LetterRequestEvent move(LetterRequest request, LetterState to, String actor, String reason, Instant at) {
        return to == KIT_SENT
                ? request.markKitSent(LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(28), actor, utc(at))
                : request.moveTo(to, actor, reason, utc(at));
    }

    /** A fresh request walked from PLANNED to the given state along a shortest legal path. */
    private LetterRequest requestIn(LetterState state) {
        LetterRequest request = newRequest();
        for (LetterState step : pathFromPlanned(state)) {
            move(request, step, "student", null, AT);
        }
        assertThat(request.getState()).isEqualTo(state);
        return request;
    }

    private static List<LetterState> pathFromPlanned(LetterState target) {
        Map<LetterState, LetterState> cameFrom = new EnumMap<>(LetterState.class);
        Deque<LetterState> queue = new ArrayDeque<>(List.of(PLANNED));
        while (!queue.isEmpty()) {
            LetterState current = queue.poll();
            for (LetterState next : EXPECTED.get(current)) {
                if (next != PLANNED && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, current);
                    queue.add(next);
                }
            }
        }
        List<LetterState> path = new ArrayList<>();
        for (LetterState s = target; s != PLANNED; s = cameFrom.get(s)) {
            path.add(0, s);
        }
        return path;
    }

    static Stream<Arguments> legalTransitions() {
        return EXPECTED.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(to -> Arguments.of(e.getKey(), to)));
    }

    static Stream<Arguments> illegalTransitions() {
        return Stream.of(LetterState.values()).flatMap(from -> Stream.of(LetterState.values())
                .filter(to -> !EXPECTED.get(from).contains(to))
                .map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0}.next()")
    @EnumSource(LetterState.class)
    void nextMatchesTheDomainBrief(LetterState state) {
        assertThat(state.next()).isEqualTo(EXPECTED.get(state));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("legalTransitions")
    void everyLegalTransitionWorksThroughMoveTo(LetterState from, LetterState to) {
        LetterRequest request = requestIn(from);

        LetterRequestEvent event = move(request, to, "staff:joan", "test", AT.plusSeconds(60));

        assertThat(request.getState()).isEqualTo(to);
        assertThat(request.getStateChangedAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(event.getFromState()).isEqualTo(from);
        assertThat(event.getToState()).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} -/-> {1}")
    @MethodSource("illegalTransitions")
    void everyIllegalTransitionIsRefusedAndLeavesTheStateUnchanged(LetterState from, LetterState to) {
        LetterRequest request = requestIn(from);
        int reminders = request.getRemindersSent();

        IllegalLetterTransitionException e = catchThrowableOfType(IllegalLetterTransitionException.class,
                () -> move(request, to, "student", null, AT.plusSeconds(60)));

        assertThat(e).as("%s -> %s must be refused", from, to).isNotNull();
        assertThat(e).isInstanceOf(DomainException.class);
        assertThat(e.from()).isEqualTo(from);
        assertThat(e.to()).isEqualTo(to);
        assertThat(e.field()).isEqualTo("state");
        assertThat(e.getMessage()).as("named by their labels").contains("\"" + Labels.of(from) + "\"").contains("\"" + Labels.of(to) + "\"");
        assertThat(request.getState()).isEqualTo(from);
        assertThat(request.getStateChangedAt()).isEqualTo(AT);
        assertThat(request.getRemindersSent()).isEqualTo(reminders);
    }

    @ParameterizedTest
    @EnumSource(value = LetterState.class, names = {"LUKEWARM", "DECLINED", "NOT_COMING", "SUBMITTED", "WITHDRAWN"})
    void closedStatesAcceptNothing(LetterState closed) {
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.next()).isEmpty();
        for (LetterState target : LetterState.values()) {
            assertThat(closed.canMoveTo(target)).as("%s -> %s", closed, target).isFalse();
        }
        LetterRequest request = requestIn(closed);
        assertThatThrownBy(() -> request.moveTo(WITHDRAWN, "student", null, utc(AT)))
                .isInstanceOf(IllegalLetterTransitionException.class)
                .hasMessageContaining("closed");
    }

    @ParameterizedTest
    @EnumSource(value = LetterState.class, names = {"LUKEWARM", "DECLINED", "NOT_COMING", "SUBMITTED", "WITHDRAWN"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyOpenStateCanBeWithdrawn(LetterState open) {
        assertThat(open.isOpen()).isTrue();
        LetterRequest request = requestIn(open);

        request.moveTo(WITHDRAWN, "staff:joan", "student changed plans", utc(AT));

        assertThat(request.getState()).isEqualTo(WITHDRAWN);
    }

    @Test
    void openAndClosedStatesPartitionTheEnum() {
        assertThat(EnumSet.complementOf(EnumSet.copyOf(CLOSED_STATES)))
                .allMatch(LetterState::isOpen)
                .containsExactlyInAnyOrder(PLANNED, ASKED, STRONG_YES, KIT_SENT, CONFIRMED, REMINDED_1, REMINDED_2);
    }

    @Test
    void strongYesOrLaterAndAwaitingUpload() {
        assertThat(EnumSet.allOf(LetterState.class)).filteredOn(LetterState::isStrongYesOrLater)
                .containsExactlyInAnyOrder(STRONG_YES, KIT_SENT, CONFIRMED, REMINDED_1, REMINDED_2, SUBMITTED);
        assertThat(EnumSet.allOf(LetterState.class)).filteredOn(LetterState::isAwaitingUpload)
                .containsExactlyInAnyOrder(KIT_SENT, CONFIRMED, REMINDED_1, REMINDED_2);
    }

    @Test
    void theBriefsMainChainIsWalkableToNotComing() {
        LetterRequest request = newRequest();
        List<LetterState> chain = List.of(ASKED, STRONG_YES, KIT_SENT, CONFIRMED, REMINDED_1, REMINDED_2, NOT_COMING);

        List<LetterRequestEvent> events = new ArrayList<>();
        for (LetterState next : chain) {
            events.add(move(request, next, "system", null, AT));
        }

        assertThat(request.getState()).isEqualTo(NOT_COMING);
        assertThat(events).extracting(LetterRequestEvent::getFromState)
                .containsExactly(PLANNED, ASKED, STRONG_YES, KIT_SENT, CONFIRMED, REMINDED_1, REMINDED_2);
        assertThat(events).extracting(LetterRequestEvent::getToState).containsExactlyElementsOf(chain);
        assertThat(request.getRemindersSent()).isEqualTo(2);
    }

    @Test
    void illegalMessageForAnOpenStateListsWhereItCanGo() {
        LetterRequest request = newRequest();

        assertThatThrownBy(() -> request.moveTo(SUBMITTED, "student", null, utc(AT)))
                .isInstanceOf(IllegalLetterTransitionException.class)
                .hasMessage("A letter request in state \"Planned\" cannot move to \"In ERAS\"; it can move to \"Asked\", \"Withdrawn\"");
    }

    /** The correction path written out by hand: between the answers' states, and from a kit not yet confirmed to a no. */
    private static final Map<LetterState, Set<LetterState>> CORRECTABLE = new EnumMap<>(Map.ofEntries(
            Map.entry(PLANNED, EnumSet.of(STRONG_YES, LUKEWARM, DECLINED)),
            Map.entry(STRONG_YES, EnumSet.of(PLANNED, LUKEWARM, DECLINED)),
            Map.entry(LUKEWARM, EnumSet.of(PLANNED, STRONG_YES, LUKEWARM, DECLINED)),
            Map.entry(DECLINED, EnumSet.of(PLANNED, STRONG_YES, LUKEWARM, DECLINED)),
            Map.entry(KIT_SENT, EnumSet.of(LUKEWARM, DECLINED)),
            Map.entry(REMINDED_1, EnumSet.of(LUKEWARM, DECLINED)),
            Map.entry(REMINDED_2, EnumSet.of(LUKEWARM, DECLINED))));

    @ParameterizedTest(name = "{0} corrected")
    @EnumSource(LetterState.class)
    void aCorrectionOfTheAnswerGoesOnlyBetweenTheAnswersAndFromAnUnconfirmedKitToANo(LetterState from) {
        for (LetterState to : LetterState.values()) {
            assertThat(from.canCorrectTo(to)).as("%s corrected to %s", from, to)
                    .isEqualTo(CORRECTABLE.getOrDefault(from, Set.of()).contains(to));
        }
    }

    @Test
    void aMoveRefusedForABlankActorLeavesTheStateUnchanged() {
        LetterRequest request = requestIn(CONFIRMED);

        assertThatThrownBy(() -> request.moveTo(REMINDED_1, " ", null, utc(AT.plusSeconds(60))))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("actor");

        assertThat(request.getState()).isEqualTo(CONFIRMED);
        assertThat(request.getRemindersSent()).isZero();
        assertThat(request.getLastReminderOn()).isNull();
        assertThat(request.getStateChangedAt()).isEqualTo(AT);
    }
}
