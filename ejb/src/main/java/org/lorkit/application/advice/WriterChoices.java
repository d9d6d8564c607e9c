package org.lorkit.application.advice;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.lorkit.application.TenantData;
import org.lorkit.domain.advice.AskWindowReminder;
import org.lorkit.domain.advice.StudentSituation;
import org.lorkit.domain.advice.WriterSuggestions;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.student.Student;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whom a student could ask next, by the same rule (WriterSuggestions) and from the same facts (StudentRecords) as the
 * student's own home and Ask page: for the staff who follow the student up, for the emails that tell the student
 * a letter is not coming or that a rotation's ask window has opened, and for that window's calendar event. Three queries (rotations with their supervisors, letters, feedback checks). The caller has
 * already checked it may read the student.
 */
@Dependent
public class WriterChoices {
    @Inject
    StudentRecords records;
    @Inject
    TenantData tenant;

    /**
     * The ask-window emails due today about these rotations of the student's (AskWindowReminder), by rotation id: the
     * sweep asks before queueing, and the outbox again just before sending (three queries for the student either way).
     */
    public Map<Long, AskWindowReminder.Reminder> askWindowReminders(Student student, java.util.Collection<Long> rotationIds) {
        StudentSituation situation = records.situation(student, records.rotations(student), records.letters(student));
        Map<Long, AskWindowReminder.Reminder> due = new LinkedHashMap<>();
        for (long rotationId : rotationIds) {
            AskWindowReminder.due(situation, rotationId, tenant.today(), records.rules()).ifPresent(reminder -> due.put(rotationId, reminder));
        }
        return due;
    }

    /** Whom the student should ask on this rotation of theirs, in or out of its window (AskWindowReminder#writerToAsk). */
    public java.util.Optional<WriterSuggestions.Suggestion> writerToAsk(Student student, long rotationId) {
        StudentSituation situation = records.situation(student, records.rotations(student), records.letters(student));
        return AskWindowReminder.writerToAsk(situation, rotationId, records.rules());
    }

    public List<WriterSuggestions.Suggestion> next(Student student) {
        return WriterSuggestions.next(records.situation(student, records.rotations(student), records.letters(student)), records.rules());
    }

    /**
     * The first {@code max} of them, each attending once, in the student's words: "Dr. Kim (Internal Medicine at St.
     * Mary's)", "Dr. Lee (Cardiology at Lakeside): only 9 days together: the letter would likely be vague".
     */
    public List<String> nextInWords(Student student, int max) {
        List<Rotation> rotations = records.rotations(student);
        Map<Long, Rotation> byId = new HashMap<>();
        rotations.forEach(r -> byId.put(r.getId(), r));
        Map<Long, WriterSuggestions.Suggestion> once = new LinkedHashMap<>();
        WriterSuggestions.next(records.situation(student, rotations, records.letters(student)), records.rules())
                .forEach(s -> once.putIfAbsent(s.candidate().attendingId(), s));
        return once.values().stream().limit(max).map(s -> {
            Rotation r = byId.get(s.candidate().rotationId());
            return s.candidate().name() + " (" + r.getSpecialty().label() + " at " + r.getSite() + ")"
                    + (s.isCautioned() ? ": " + s.caution() : "");
        }).toList();
    }
}
