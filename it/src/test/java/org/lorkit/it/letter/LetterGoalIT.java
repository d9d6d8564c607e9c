package org.lorkit.it.letter;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.advice.AdviceService;
import org.lorkit.application.advice.AskService;
import org.lorkit.application.attending.AttendingService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.attending.NewAttending;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.dashboard.Standing;
import org.lorkit.application.dashboard.StudentQuery;
import org.lorkit.application.dashboard.StudentStanding;
import org.lorkit.application.kit.DocumentService;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.kit.WorkLogService;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.Portfolio;
import org.lorkit.application.rotation.NewRotation;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.advice.NextAction;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.document.DocumentKind;
import org.lorkit.domain.letter.LetterGoal;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.SamplePdfs;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 1: "at least one letter from your target specialty" is met by the writer, not by the "letter for"
 * label. An internal-medicine applicant whose two uploaded strong letters come from family-medicine attendings is not
 * at goal, on the student's meter, in their next actions and on the staff dashboard alike; a third letter from an
 * internal-medicine attending brings all three to "at goal" together. Every letter goes through the real flow: the
 * ask and its answer (Ask page), the kit (kit builder), the upload (the student's report of it).
 */
class LetterGoalIT extends InsideLorKit {
    @Inject
    AskService asks;
    @Inject
    AdviceService advice;
    @Inject
    LetterRequestService letters;
    @Inject
    KitService kits;
    @Inject
    DocumentService documents;
    @Inject
    WorkLogService worklog;
    @Inject
    CompletionDashboard dashboard;
    @Inject
    RotationService rotations;
    @Inject
    AttendingService attendings;

    private final LocalDate today = LocalDate.now(org.lorkit.it.support.Fixtures.AGENCY_ZONE);
    private long agency;
    private StudentView student;
    private RotationView familyMedicine;
    private AttendingView okoro;
    private AttendingView mensah;

    /** An internal-medicine applicant at the end of a family-medicine rotation under two family-medicine attendings. */
    @BeforeEach
    void anInternalMedicineApplicantOnAFamilyMedicineRotation() {
        agency = fixtures.agency().id();
        as.staff(agency, () -> {
            student = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            okoro = writer("Dr. Ruth Okoro", "Family Medicine");
            mensah = writer("Dr. Samuel Mensah", "Family Medicine");
            familyMedicine = rotations.place(new NewRotation(student.id(), "Lakeside Family Health Center", "Family Medicine",
                    ClinicalSetting.OUTPATIENT, RotationKind.HANDS_ON, false, today.minusDays(25), today.plusDays(2)));
            rotations.addSupervisor(familyMedicine.id(), okoro.id(), 24);
            familyMedicine = rotations.addSupervisor(familyMedicine.id(), mensah.id(), 22);
            return null;
        });
        as.ownerStudent(agency, () -> {
            documents.upload(DocumentKind.CV, "cv.pdf", SamplePdfs.pages(2, "CV"));
            documents.upload(DocumentKind.PERSONAL_STATEMENT, "ps.pdf", SamplePdfs.pages(1, "Statement"));
            return null;
        });
    }

    private AttendingView writer(String name, String specialty) {
        return attendings.addToDirectory(new NewAttending(name, Fixtures.unique("writer") + "@hospital.example",
                AttendingTitle.ATTENDING, specialty, true, "Lakeside Family Health Center"));
    }

    /**
     * The student asks for a strong letter and records a real yes, prepares the kit (the "letter for" choice left at
     * what the kit builder offers first: the request's own specialty) and sends it; then ERAS shows it received (after
     * the writer said they uploaded it, if {@code writerReports}).
     */
    private long strongLetterUploaded(RotationView rotation, AttendingView writer, boolean writerReports) {
        return as.ownerStudent(agency, () -> {
            AskService.AnswerOutcome yes = asks.recordAnswer(rotation.id(), writer.id(), org.lorkit.domain.letter.AnswerHeard.STRONG_YES, "Yes, absolutely. I'd be happy to.");
            assertThat(yes.request().state()).isEqualTo(LetterState.STRONG_YES);
            long id = yes.request().id();
            worklog.keepBullets(rotation.id(), List.of("Saw eight clinic patients a day", "Presented every new patient",
                    "Wrote the visit notes", "Called patients back with results", "Ran a diabetes education session"));
            KitService.Settings offered = kits.settings(id);
            kits.prepare(id, "14029381", null, today.plusDays(24), offered.letterFor());
            kits.confirmWriterInEras(id, true);
            kits.send(id);
            if (writerReports) {
                // The writer's word first; it counts once the student sees the letter in ERAS (issue 17, item 6).
                letters.reportWriterUpload(id);
            }
            letters.reportReceivedInEras(id);
            return id;
        });
    }

    private LetterGoal studentMeter() {
        Portfolio portfolio = as.ownerStudent(agency, () -> letters.portfolio(student.id()));
        LetterGoal home = as.ownerStudent(agency, () -> advice.home()).goal();
        assertThat(home).as("the home and the letters page read one goal").isEqualTo(portfolio.goal());
        return portfolio.goal();
    }

    private StudentStanding dashboardRow() {
        var page = as.staff(agency, () -> dashboard.students(new StudentQuery(null, null, null, student.email(), "name", true, 0, 25, null)));
        assertThat(page.rows()).hasSize(1);
        return page.rows().get(0);
    }

    private long atGoalOnTheDashboard() {
        return as.staff(agency, () -> dashboard.figures(null)).standings().get(Standing.AT_GOAL);
    }

    @Test
    void two_family_medicine_writers_leave_an_internal_medicine_applicant_short_of_the_goal_everywhere() {
        long first = strongLetterUploaded(familyMedicine, okoro, true);
        strongLetterUploaded(familyMedicine, mensah, false);

        assertThat(as.ownerStudent(agency, () -> letters.find(first)).orElseThrow().specialty())
                .as("the letters speak to the student's target, as the ask made them").isEqualTo(Specialty.INTERNAL_MEDICINE);
        LetterGoal goal = studentMeter();
        assertThat(goal.securedUsClinical()).isEqualTo(2);
        assertThat(goal.targetSpecialtyCovered()).isFalse();
        assertThat(goal.status()).isNotEqualTo(LetterGoal.Status.REACHED);
        assertThat(as.ownerStudent(agency, () -> advice.home()).actions()).extracting(NextAction::message)
                .contains("You have 2 strong US clinical letters; get at least one from an attending in your target specialty.");

        StudentStanding row = dashboardRow();
        assertThat(row.securedLetters()).isEqualTo(2);
        assertThat(row.standing()).isNotEqualTo(Standing.AT_GOAL);
        assertThat(atGoalOnTheDashboard()).isZero();
        assertThat(row.standing() == Standing.AT_GOAL).as("the dashboard agrees with the student's meter")
                .isEqualTo(goal.status() == LetterGoal.Status.REACHED);
    }

    @Test
    void a_letter_from_an_internal_medicine_writer_brings_the_meter_and_the_dashboard_to_the_goal_together() {
        strongLetterUploaded(familyMedicine, okoro, true);
        strongLetterUploaded(familyMedicine, mensah, false);
        AttendingView patel = as.staff(agency, () -> writer("Dr. Anjali Patel", "Internal Medicine"));
        RotationView medicine = as.staff(agency, () -> {
            RotationView placed = rotations.place(new NewRotation(student.id(), "St. Mary's Medical Center", "Internal Medicine",
                    ClinicalSetting.INPATIENT, RotationKind.HANDS_ON, true, today.minusDays(24), today.plusDays(3)));
            return rotations.addSupervisor(placed.id(), patel.id(), 24);
        });

        strongLetterUploaded(medicine, patel, false);

        LetterGoal goal = studentMeter();
        assertThat(goal.securedUsClinical()).isEqualTo(3);
        assertThat(goal.targetSpecialtyCovered()).isTrue();
        assertThat(goal.status()).isEqualTo(LetterGoal.Status.REACHED);
        assertThat(as.ownerStudent(agency, () -> advice.home()).actions()).extracting(NextAction::kind)
                .doesNotContain(NextAction.Kind.LETTER_GOAL);
        StudentStanding row = dashboardRow();
        assertThat(row.standing()).isEqualTo(Standing.AT_GOAL);
        assertThat(atGoalOnTheDashboard()).isEqualTo(1);
    }

    @Test
    void an_internal_medicine_writer_on_the_family_medicine_rotation_counts_for_internal_medicine() {
        AttendingView internist = as.staff(agency, () -> {
            AttendingView added = writer("Dr. Grace Kim", "Internal Medicine");
            rotations.addSupervisor(familyMedicine.id(), added.id(), 20);
            return added;
        });

        strongLetterUploaded(familyMedicine, okoro, false);
        strongLetterUploaded(familyMedicine, internist, false);

        assertThat(studentMeter().status()).isEqualTo(LetterGoal.Status.REACHED);
        assertThat(dashboardRow().standing()).isEqualTo(Standing.AT_GOAL);
    }
}
