package org.lorkit.application.letter;

import org.lorkit.domain.letter.ErasReport;
import org.lorkit.domain.letter.LetterGoal;
import org.lorkit.domain.letter.LetterState;

import java.io.Serializable;
import java.util.List;

/** A student's letters, newest first, each with its history and what ERAS shows, and the goal meter. */
public record Portfolio(LetterGoal goal, List<Letter> letters) implements Serializable {

    /** {@code answerCorrectable}: the caller may correct the recorded answer now (the student within 14 days of it). */
    public record Letter(LetterRequestView request, String rotation, ErasReport.Status erasStatus, String erasText,
                         List<LetterEventView> history, boolean answerCorrectable) implements Serializable {
        public boolean isMismatch() {
            return erasStatus.isMismatch();
        }

        /** "Received in ERAS" makes sense once the kit is out, until the student has said so. */
        public boolean isReceivedReportable() {
            return kitOut() && request.eras().receivedOn() == null;
        }

        /** The student may relay the writer's "uploaded" once the kit is out, until the writer (or they) said so. */
        public boolean isWriterUploadReportable() {
            return kitOut() && request.eras().writerReportedOn() == null;
        }

        /** The writer said "uploaded" and ERAS does not show it yet (as the student reports): not received yet. */
        public boolean isReportedByWriterOnly() {
            return request.eras().writerReportedOn() != null && request.eras().receivedOn() == null;
        }

        private boolean kitOut() {
            return request.state().isAwaitingUpload() || request.state() == LetterState.SUBMITTED;
        }

        public boolean isWithdrawable() {
            return request.state().isOpen();
        }

        /** A draft helps only once the attending agreed to write. */
        public boolean isDraftAvailable() {
            return request.state().isStrongYesOrLater();
        }
    }

    /** Strong US clinical letters counted toward the goal, as a share of the ideal 3 (for the meter). */
    public int meterPercent() {
        int counted = goal.securedUsClinical() + goal.pendingUsClinical();
        return Math.min(100, counted * 100 / LetterGoal.IDEAL);
    }
}
