package org.lorkit.it.tenancy;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.application.attending.AttendingService;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.InsideLorKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One agency never sees another's data: not in a list, not by id, not as a reference. */
class TenancyIT extends InsideLorKit {
    @Inject
    CohortService cohorts;
    @Inject
    StudentService students;
    @Inject
    AttendingService attendings;

    @Test
    void an_agency_sees_only_its_own_cohorts_students_and_attendings() {
        AgencyView north = fixtures.agency();
        AgencyView south = fixtures.agency();
        CohortView northCohort = as.staff(north.id(), fixtures::cohort);
        StudentView northStudent = as.staff(north.id(), () -> fixtures.student(northCohort));
        as.staff(north.id(), () -> fixtures.attending("Internal Medicine"));

        as.staff(south.id(), () -> {
            assertThat(cohorts.listActive()).isEmpty();
            assertThat(cohorts.summaries()).isEmpty();
            assertThat(cohorts.find(northCohort.id())).isEmpty();
            assertThat(students.find(northStudent.id())).isEmpty();
            assertThat(attendings.directory()).isEmpty();
        });
        as.staff(north.id(), () -> assertThat(cohorts.listActive()).containsExactly(northCohort));
    }

    @Test
    void another_agencys_cohort_cannot_be_used_by_id_and_the_error_does_not_reveal_it_exists() {
        AgencyView north = fixtures.agency();
        AgencyView south = fixtures.agency();
        CohortView northCohort = as.staff(north.id(), fixtures::cohort);

        as.staff(south.id(), () ->
                assertThatThrownBy(() -> fixtures.student(northCohort))
                        .isInstanceOf(DomainException.class)
                        .hasMessage("No cohort with id " + northCohort.id()));
        as.staff(north.id(), () -> assertThat(students.listByCohort(northCohort.id())).isEmpty());
    }

    @Test
    void the_same_email_may_exist_in_two_agencies_without_either_seeing_the_other() {
        AgencyView north = fixtures.agency();
        AgencyView south = fixtures.agency();
        String email = Fixtures.unique("shared") + "@hospital.example";
        as.staff(north.id(), () -> attendings.addToDirectory(new org.lorkit.application.attending.NewAttending(
                "Dr. North", email, org.lorkit.domain.attending.AttendingTitle.ATTENDING, "Internal Medicine", true, null)));
        as.staff(south.id(), () -> attendings.addToDirectory(new org.lorkit.application.attending.NewAttending(
                "Dr. South", email, org.lorkit.domain.attending.AttendingTitle.ATTENDING, "Pediatrics", true, null)));

        as.staff(north.id(), () -> assertThat(attendings.directory()).singleElement()
                .satisfies(a -> assertThat(a.fullName()).isEqualTo("Dr. North")));
        as.staff(south.id(), () -> assertThat(attendings.directory()).singleElement()
                .satisfies(a -> assertThat(a.fullName()).isEqualTo("Dr. South")));
    }
}
