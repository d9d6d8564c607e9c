package org.lorkit.application.letter;

import java.io.Serializable;
import org.lorkit.domain.letter.ErasReport;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.letter.LetterValue;
import org.lorkit.domain.letter.MailProblem;
import org.lorkit.domain.shared.Specialty;

import java.time.LocalDate;

public record LetterRequestView(long id, long studentId, String studentName, long attendingId, String attendingName,
                                long rotationId, Specialty specialty, LetterState state, LetterValue value,
                                boolean offeredUnprompted, LocalDate deadline, LocalDate kitSentOn, int remindersSent, ErasReport eras, MailProblem mailProblem,
                                AnswerView answer) implements Serializable {
    public static LetterRequestView of(LetterRequest r) {
        return new LetterRequestView(r.getId(), r.getStudent().getId(), r.getStudent().getFullName(), r.getAttending().getId(),
                r.getAttending().getFullName(), r.getRotation().getId(), r.getSpecialty(), r.getState(), r.getValue(),
                r.isOfferedUnprompted(), r.getDeadline(), r.getKitSentOn(), r.getRemindersSent(), r.getErasReport(), r.getWriterMailProblem(),
                AnswerView.of(r));
    }

    /** The writer's address was refused. */
    public boolean emailBounced() {
        return mailProblem == MailProblem.BOUNCED;
    }

    /** Mail to the writer did not get through and a corrected address with fresh links may (not after a complaint). */
    public boolean addressCorrectable() {
        return mailProblem != null && mailProblem.correctable();
    }
}
