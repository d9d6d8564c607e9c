package org.lorkit.it.mail;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.reminder.ReminderService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.SqlStatementCounter;
import org.lorkit.infrastructure.tenancy.CurrentAgency;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.InsideLorKit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One chunk of the reminder sweep, seen from the database: the domain decides each request, and what the chunk
 * writes goes out together, so the chunk reads what it needs once, however many requests it moves (a read per request
 * would flush the writes one request at a time); a request that changed after the sweep read the due ids is decided
 * afresh, not overwritten; and the pages read the new state as soon as the chunk has committed.
 */
class ReminderSweepIT extends InsideLorKit {
    /** Rows a first reminder writes: the request's update, its event, the writer's reminder and the student's notice. */
    private static final int WRITES_PER_REMINDER = 4;

    @Inject
    ReminderService sweep;
    @Inject
    LetterRequestService letters;
    @Inject
    KitService kits;
    @Inject
    Clocks clocks;

    private long agency;
    private final List<Long> requests = new ArrayList<>();

    @BeforeEach
    void sixKitsSentToday() {
        agency = fixtures.agency().id();
        List<AttendingView> writers = new ArrayList<>();
        List<RotationView> rotations = new ArrayList<>();
        StudentView[] student = new StudentView[1];
        as.staff(agency, () -> {
            student[0] = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            for (int i = 0; i < 6; i++) {
                AttendingView writer = fixtures.attending("Internal Medicine");
                writers.add(writer);
                rotations.add(fixtures.rotation(student[0], writer, 20 + i));
            }
            return null;
        });
        for (int i = 0; i < 6; i++) {
            long request = fixtures.readyKit(agency, student[0], writers.get(i), rotations.get(i));
            as.ownerStudent(agency, () -> kits.send(request));
            requests.add(request);
        }
        clocks.advance(Duration.ofDays(14));
    }

    @AfterEach
    void backToRealTime() {
        clocks.reset();
    }

    @Test
    void a_chunk_reads_the_same_whatever_its_size_and_its_writes_are_its_rows() {
        assertThat(due()).containsAll(requests);

        long two = statements(requests.subList(0, 2));
        long four = statements(requests.subList(2, 6));

        // Each request moved adds its rows at most (fewer when a batch counts once), never a read of its own; one
        // more statement may fetch the next block of ids from the sequence. (Before, each added two reads: whether the
        // writer's address is suppressed, and its rotation for the subject.)
        assertThat(four - two).as("statements of 4 requests beyond those of 2").isLessThanOrEqualTo(2L * WRITES_PER_REMINDER + 1);
        assertThat(requests).allSatisfy(request -> assertThat(state(request)).isEqualTo(LetterState.REMINDED_1));
    }

    @Test
    void a_request_withdrawn_after_the_due_ids_were_read_is_left_withdrawn() {
        List<Long> due = due();
        long withdrawn = requests.get(0);
        as.staff(agency, () -> letters.moveTo(withdrawn, LetterState.WITHDRAWN, "found another writer"));

        int moved = CurrentAgency.callAs(agency, () -> sweep.sweep(due.stream().filter(requests::contains).toList()));

        assertThat(moved).isEqualTo(5);
        assertThat(state(withdrawn)).isEqualTo(LetterState.WITHDRAWN);
        assertThat(requests.subList(1, 6)).allSatisfy(request -> assertThat(state(request)).isEqualTo(LetterState.REMINDED_1));
    }

    private List<Long> due() {
        return CurrentAgency.callAs(agency, () -> sweep.dueRequests());
    }

    /** The statements one chunk of these requests runs, from its read to its commit. */
    private long statements(List<Long> chunk) {
        long before = SqlStatementCounter.current();
        int moved = CurrentAgency.callAs(agency, () -> sweep.sweep(chunk));
        assertThat(moved).isEqualTo(chunk.size());
        return SqlStatementCounter.current() - before;
    }

    private LetterState state(long request) {
        return as.ownerStudent(agency, () -> letters.find(request)).orElseThrow().state();
    }
}
