package org.lorkit.application.student;

import java.io.Serializable;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;

import java.time.LocalDate;
import java.util.List;

public record StudentView(long id, long cohortId, String fullName, String email, String medicalSchool, String country,
                          String erasAamcId, List<Specialty> targetSpecialties, LocalDate plannedSubmitOn) implements Serializable {
    public static StudentView of(Student s) {
        return new StudentView(s.getId(), s.getCohort().getId(), s.getFullName(), s.getEmail(), s.getMedicalSchool(),
                s.getCountry(), s.getErasAamcId(), s.getTargetSpecialties(), s.effectivePlannedSubmitOn());
    }
}
