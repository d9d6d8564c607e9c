package org.lorkit.it.roster;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.lorkit.application.agency.AgencyService;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.application.agency.NewAgency;
import org.lorkit.application.provisioning.ProvisioningService;
import org.lorkit.application.attending.AttendingService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.attending.NewAttending;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.cohort.NewCohort;
import org.lorkit.application.rotation.NewRotation;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.NewStudent;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.ContactAdvice;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.infrastructure.persistence.SchemaMigrator;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.InsideLorKit;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Agencies, cohorts, students, attendings and rotations through their services, stored and read back. */
class ServicesIT extends InsideLorKit {
    @Inject
    AgencyService agencies;
    @Inject
    ProvisioningService provisioning;
    @Inject
    CohortService cohorts;
    @Inject
    StudentService students;
    @Inject
    AttendingService attendings;
    @Inject
    RotationService rotations;
    @Inject
    SchemaMigrator schema;
    @PersistenceContext(unitName = "lorkit")
    EntityManager em;

    @Test
    void the_persistence_provider_is_eclipselink_not_hibernate() {
        String provider = em.getEntityManagerFactory().getClass().getName();
        System.out.println("JPA provider in the integration tests: " + provider + " on " + schema.databaseProduct());
        assertThat(provider).startsWith("org.eclipse.persistence");
        assertThat(em.getDelegate().getClass().getName()).startsWith("org.eclipse.persistence").doesNotContain("hibernate");
    }

    @Test
    void an_agency_is_stored_and_found_by_its_slug() {
        AgencyView created = fixtures.agency();

        assertThat(as.operator(() -> agencies.findBySlug(created.slug()))).contains(created);
        assertThat(as.operator(() -> agencies.list())).contains(created);
        assertThat(created.timeZone()).isEqualTo("America/Chicago");
    }

    @Test
    void a_second_agency_with_the_same_slug_is_refused_and_the_first_is_kept() {
        AgencyView first = fixtures.agency();

        assertThatThrownBy(() -> as.operator(() -> provisioning.createAgency(new NewAgency(first.slug(), "Copy", null, "UTC"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("already exists");
        assertThat(as.operator(() -> agencies.findBySlug(first.slug()))).get().extracting(AgencyView::name).isEqualTo(first.name());
    }

    @Test
    void an_agency_without_a_name_gets_a_validation_error() {
        assertThatThrownBy(() -> as.operator(() -> provisioning.createAgency(new NewAgency(Fixtures.unique("x"), " ", null, "UTC"))))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("name is required");
    }

    @Test
    void a_cohort_student_attending_and_rotation_are_stored_and_read_back() {
        AgencyView agency = fixtures.agency();
        as.staff(agency.id(), () -> {
            CohortView cohort = fixtures.cohort();
            StudentView student = fixtures.student(cohort);
            AttendingView patel = fixtures.attending("Internal Medicine");
            RotationView rotation = fixtures.rotation(student, patel, 9);

            assertThat(cohorts.find(cohort.id())).contains(cohort);
            assertThat(students.listByCohort(cohort.id())).containsExactly(student);
            assertThat(student.erasAamcId()).isEqualTo("14029381");
            assertThat(student.targetSpecialties()).containsExactly(Specialty.INTERNAL_MEDICINE);
            assertThat(student.plannedSubmitOn()).isEqualTo(LocalDate.of(2027, 9, 24));
            assertThat(attendings.directory()).containsExactly(patel);

            List<RotationView> stored = rotations.listByStudent(student.id());
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0).site()).isEqualTo(rotation.site());
            assertThat(stored.get(0).supervisors()).singleElement()
                    .satisfies(s -> {
                        assertThat(s.attendingName()).isEqualTo("Dr. Anjali Patel");
                        assertThat(s.contactDays()).isEqualTo(9);
                        assertThat(s.contactAdvice()).isEqualTo(ContactAdvice.LIKELY_VAGUE);
                    });
            assertThat(cohorts.summaries()).singleElement().satisfies(summary -> assertThat(summary.students()).isEqualTo(1));
        });
    }

    @Test
    void the_attending_directory_keeps_one_entry_per_email() {
        AgencyView agency = fixtures.agency();
        as.staff(agency.id(), () -> {
            AttendingView first = fixtures.attending("Internal Medicine");
            AttendingView again = attendings.addToDirectory(new NewAttending("Anjali Patel, MD", first.email().toUpperCase(),
                    AttendingTitle.ATTENDING, "Internal Medicine", true, null));

            assertThat(again.id()).isEqualTo(first.id());
            assertThat(attendings.directory()).hasSize(1);
        });
    }

    @Test
    void an_eras_aamc_id_that_is_not_eight_digits_is_refused_and_no_student_is_stored() {
        AgencyView agency = fixtures.agency();
        as.staff(agency.id(), () -> {
            CohortView cohort = fixtures.cohort();

            assertThatThrownBy(() -> students.enroll(new NewStudent(cohort.id(), "Rahul Mehta", "rahul@student.example",
                    null, "India", "1234567", List.of("Internal Medicine"))))
                    .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("erasAamcId must be 8 digits");
            assertThat(students.listByCohort(cohort.id())).isEmpty();
        });
    }

    @Test
    void an_unknown_specialty_is_refused_with_the_known_ones_listed() {
        AgencyView agency = fixtures.agency();
        as.staff(agency.id(), () -> {
            assertThatThrownBy(() -> cohorts.create(new NewCohort("Derm 2028", 2028, "Astrology", null,
                    LocalDate.of(2027, 9, 24), null)))
                    .isInstanceOf(DomainException.class)
                    .hasMessageContaining("Unknown specialty \"Astrology\"").hasMessageContaining("Internal Medicine");
            assertThat(cohorts.listActive()).isEmpty();
        });
    }

    @Test
    void a_missing_name_and_a_bad_email_are_refused() {
        AgencyView agency = fixtures.agency();
        as.staff(agency.id(), () -> {
            CohortView cohort = fixtures.cohort();
            assertThatThrownBy(() -> students.enroll(new NewStudent(cohort.id(), "", "not-an-email", null, null, null, null)))
                    .isInstanceOf(ConstraintViolationException.class)
                    .hasMessageContaining("fullName is required").hasMessageContaining("email is not a valid email address");
            assertThat(students.listByCohort(cohort.id())).isEmpty();
        });
    }

    @Test
    void a_rotation_that_ends_before_it_starts_is_refused_and_not_stored() {
        AgencyView agency = fixtures.agency();
        as.staff(agency.id(), () -> {
            StudentView student = fixtures.student(fixtures.cohort());

            assertThatThrownBy(() -> rotations.place(new NewRotation(student.id(), "St. Mary's", "Internal Medicine",
                    ClinicalSetting.INPATIENT, RotationKind.HANDS_ON, false, LocalDate.of(2026, 10, 28), LocalDate.of(2026, 10, 1))))
                    .isInstanceOf(DomainException.class)
                    .hasMessageContaining("endDate (1 Oct 2026) is before startDate (28 Oct 2026)")
                    .extracting(e -> ((DomainException) e).field()).isEqualTo("endDate");
            assertThat(rotations.listByStudent(student.id())).isEmpty();
        });
    }

    @Test
    void a_supervisor_with_more_contact_days_than_the_rotation_is_refused_and_the_rotation_keeps_none() {
        AgencyView agency = fixtures.agency();
        as.staff(agency.id(), () -> {
            StudentView student = fixtures.student(fixtures.cohort());
            AttendingView patel = fixtures.attending("Internal Medicine");
            RotationView rotation = rotations.place(new NewRotation(student.id(), "St. Mary's", "Internal Medicine",
                    ClinicalSetting.OUTPATIENT, RotationKind.HANDS_ON, false, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 28)));

            assertThatThrownBy(() -> rotations.addSupervisor(rotation.id(), patel.id(), 40))
                    .isInstanceOf(DomainException.class).hasMessageContaining("between 0 and the rotation's 28 days");
            assertThat(rotations.listByStudent(student.id())).singleElement()
                    .satisfies(r -> assertThat(r.supervisors()).isEmpty());
        });
    }

    @Test
    void tenant_owned_data_cannot_be_reached_without_an_agency_in_context() {
        assertThatThrownBy(() -> as.staffOutsideAnyAgency(() -> cohorts.listActive())).hasStackTraceContaining("No agency in context");
    }
}
