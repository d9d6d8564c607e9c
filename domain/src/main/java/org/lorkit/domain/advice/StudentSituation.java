package org.lorkit.domain.advice;

import org.lorkit.domain.letter.LetterGoal;
import org.lorkit.domain.letter.ErasReport;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Specialty;

import java.time.LocalDate;
import java.util.List;

/** What the advice needs to know about a student, as plain values (no entities, no database). */
public record StudentSituation(List<RotationFacts> rotations, List<LetterFacts> letters, LetterGoal goal) {

    /** A rotation; {@code academic}: its site has an academic affiliation (letterhead and an academic affiliation help). */
    public record RotationFacts(long id, Specialty specialty, String site, LocalDate startDate, LocalDate endDate,
                                List<Supervisor> supervisors, boolean academic) {
        public RotationFacts(long id, Specialty specialty, String site, LocalDate startDate, LocalDate endDate, List<Supervisor> supervisors) {
            this(id, specialty, site, startDate, endDate, supervisors, false);
        }
    }

    /**
     * An attending on a rotation, with their letter value rank (1 best) for the student's target; {@code redFlag}: the
     * student's latest feedback check about them read as a red flag.
     */
    public record Supervisor(long attendingId, String name, int contactDays, int valueRank, boolean redFlag) {
        public Supervisor(long attendingId, String name, int contactDays, int valueRank) {
            this(attendingId, name, contactDays, valueRank, false);
        }
    }

    /** {@code offeredUnprompted}: the attending offered a letter before the student asked for a strong one. */
    public record LetterFacts(long id, long rotationId, long attendingId, String attendingName, LetterState state,
                              LocalDate stateChangedOn, LocalDate kitSentOn, LocalDate lastReminderOn, LocalDate remindOn,
                              ErasReport eras, boolean offeredUnprompted) {
        public LetterFacts(long id, long rotationId, long attendingId, String attendingName, LetterState state,
                           LocalDate stateChangedOn, LocalDate kitSentOn, LocalDate lastReminderOn, LocalDate remindOn,
                           ErasReport eras) {
            this(id, rotationId, attendingId, attendingName, state, stateChangedOn, kitSentOn, lastReminderOn, remindOn, eras, false);
        }
    }
}
