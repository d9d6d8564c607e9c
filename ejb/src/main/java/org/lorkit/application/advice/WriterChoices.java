package org.lorkit.application.advice;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.lorkit.domain.advice.WriterSuggestions;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.student.Student;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whom a student could ask next, by the same rule (WriterSuggestions) and from the same facts (StudentRecords) as the
 * student's own home and Ask page: for the staff who follow the student up, and for the emails that tell the student
 * a letter is not coming. Three queries (rotations with their supervisors, letters, feedback checks). The caller has
 * already checked it may read the student.
 */
@Dependent
public class WriterChoices {
    @Inject
    StudentRecords records;

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
