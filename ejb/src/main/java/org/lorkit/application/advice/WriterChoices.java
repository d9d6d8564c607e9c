package org.lorkit.application.advice;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.lorkit.domain.advice.WriterSuggestions;
import org.lorkit.domain.student.Student;

import java.util.List;

/**
 * Whom a student could ask next, by the same rule (WriterSuggestions) and from the same facts (StudentRecords) as the
 * student's own home and Ask page: for the staff who follow the student up. Three queries (rotations with their
 * supervisors, letters, feedback checks). The caller has already checked it may read the student.
 */
@Dependent
public class WriterChoices {
    @Inject
    StudentRecords records;

    public List<WriterSuggestions.Suggestion> next(Student student) {
        return WriterSuggestions.next(records.situation(student, records.rotations(student), records.letters(student)));
    }
}
