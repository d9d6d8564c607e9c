package org.lorkit.domain;

import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Small, fixed-date builders shared by the unit tests. Never uses the clock. */
public final class TestData {
    /** A moment on a UTC agency's calendar, for the request methods that date what they record. */
    public static java.time.ZonedDateTime utc(java.time.Instant at) {
        return at.atZone(java.time.ZoneOffset.UTC);
    }

    public static final LocalDate ROTATION_START = LocalDate.of(2027, 6, 1);
    public static final LocalDate ROTATION_END = LocalDate.of(2027, 6, 28);
    public static final LocalDate PLANNED_SUBMIT = LocalDate.of(2027, 9, 15);
    public static final Instant NOW = Instant.parse("2027-06-25T14:00:00Z");

    private TestData() {
    }

    public static Cohort imCohort() {
        return new Cohort("IM - Match 2028", 2028, Specialty.INTERNAL_MEDICINE,
                new Cohort.CycleDates(LocalDate.of(2027, 6, 5), PLANNED_SUBMIT, LocalDate.of(2027, 9, 24)));
    }

    public static Student student() {
        return new Student(imCohort(), "Amina Rahman", "amina@example.org", List.of(Specialty.INTERNAL_MEDICINE));
    }

    public static Attending attending(String name, AttendingTitle title, Specialty specialty, boolean usBased) {
        return new Attending(name, name.toLowerCase().replace(' ', '.') + "@hospital.example", title, specialty,
                usBased, "Mercy General");
    }

    public static Attending imAttending() {
        return attending("Dana Lee", AttendingTitle.ATTENDING, Specialty.INTERNAL_MEDICINE, true);
    }

    public static Rotation rotation(Student student, RotationKind kind, Specialty specialty) {
        return new Rotation(student, "Mercy General Hospital", specialty, ClinicalSetting.INPATIENT, kind,
                true, ROTATION_START, ROTATION_END);
    }

    public static Rotation imRotation(Student student) {
        return rotation(student, RotationKind.HANDS_ON, Specialty.INTERNAL_MEDICINE);
    }
}
