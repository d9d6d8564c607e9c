package org.lorkit.application.reminder;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.lorkit.application.TenantData;
import org.lorkit.application.advice.WriterChoices;
import org.lorkit.application.mail.LetterMails;
import org.lorkit.domain.advice.AskWindowReminder;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.outbox.MailKind;
import org.lorkit.domain.rotation.AskWindow;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.student.Student;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ask-window part of an agency's daily sweep: each rotation whose ideal window to ask is open today gets its one
 * email to the student (AskWindowReminder decides, and whom it names), on the window's first day, or at the first
 * sweep inside it. The outbox key names the rotation and no day, and is unique, so a sweep that runs twice, or on
 * two nodes, queues one email per rotation. {@link ReminderScheduler} reads the due ids, then sweeps them in chunks.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AskWindowReminders {
    @Inject
    TenantData tenant;
    @Inject
    LetterMails mails;
    @Inject
    WriterChoices writers;

    /**
     * The ids of the agency's rotations (the caller has entered it) whose email may be due today, in id order: in their
     * ideal window by the agency's number, without their email yet, with a supervisor perhaps not yet asked. The
     * database narrows; {@link #sweep(List)} asks the rule.
     */
    public List<Long> dueRotations() {
        LocalDate today = tenant.today();
        return tenant.em().createNamedQuery("Rotation.mayBeDueForAskWindowEmail", Long.class)
                .setParameter("today", today)
                .setParameter("lastEnd", today.plusDays(AskWindow.idealFromDaysBeforeEnd(tenant.agency().getRules())))
                .setParameter("kind", MailKind.ASK_WINDOW_OPEN.name())
                .setParameter("notAsked", EnumSet.of(LetterState.PLANNED, LetterState.WITHDRAWN))
                .getResultList();
    }

    /**
     * Queues the email of each of these rotations of the agency in context whose rule says it is due: one transaction
     * per chunk, each student's facts read once. Returns how many were queued.
     */
    public int sweep(List<Long> rotationIds) {
        if (rotationIds.isEmpty()) {
            return 0;
        }
        Instant now = tenant.now().toInstant();
        Map<Student, List<Rotation>> byStudent = new LinkedHashMap<>();
        for (Rotation rotation : tenant.em().createNamedQuery("Rotation.findByIdsWithStudent", Rotation.class)
                .setParameter("ids", rotationIds).getResultList()) {
            byStudent.computeIfAbsent(rotation.getStudent(), s -> new java.util.ArrayList<>()).add(rotation);
        }
        int queued = 0;
        for (Map.Entry<Student, List<Rotation>> student : byStudent.entrySet()) {
            Map<Long, AskWindowReminder.Reminder> due = writers.askWindowReminders(student.getKey(),
                    student.getValue().stream().map(Rotation::getId).toList());
            for (Rotation rotation : student.getValue()) {
                AskWindowReminder.Reminder reminder = due.get(rotation.getId());
                if (reminder != null && mails.enqueueAskWindow(rotation, reminder, now)) {
                    queued++;
                }
            }
        }
        tenant.em().flush();
        return queued;
    }
}
