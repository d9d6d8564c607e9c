package org.lorkit.it.dashboard;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.cohort.NewCohort;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.dashboard.StudentQuery;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.shared.SqlStatementCounter;
import org.lorkit.it.support.BulkWrites;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.InsideLorKit;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's SQL statements do not grow with the cohort: the figures and a page of the at-risk list
 * issue exactly as many statements for 50 students as for 5,000 (counted by EclipseLink's session events), and no
 * more than the dashboard's own.
 */
class DashboardStatementsIT extends InsideLorKit {
    @Inject
    CohortService cohorts;
    @Inject
    CompletionDashboard dashboard;
    @Inject
    BulkWrites bulk;
    @Inject
    org.lorkit.application.letter.LetterRequestService letters;

    @Test
    void a_cohort_of_5000_costs_the_same_statements_as_a_cohort_of_50() {
        long agency = fixtures.agency().id();
        CohortView small = as.staff(agency, () -> cohortOf(50));
        CohortView large = as.staff(agency, () -> cohortOf(5000));
        as.staff(agency, () -> dashboard.figures(small.id())); // warm up: the first call loads metadata

        long smallStatements = statements(agency, small.id());
        long largeStatements = statements(agency, large.id());

        System.out.println("Dashboard statements: " + smallStatements + " for 50 students, " + largeStatements + " for 5,000");
        assertThat(as.staff(agency, () -> dashboard.figures(large.id())).students()).isEqualTo(5005);
        assertThat(largeStatements).isEqualTo(smallStatements);
        assertThat(largeStatements).as("figures and one page of students").isLessThanOrEqualTo(6);
    }

    /**
     * A view runs the dashboard's own statements and nothing besides, such as a read of the agency row for its rules and
     * its "today" in each of its two transactions (the agency is in EclipseLink's shared cache): a small view's fixed cost.
     */
    @Test
    void a_view_runs_only_the_statements_of_the_dashboard_itself() {
        long agency = fixtures.agency().id();
        CohortView small = as.staff(agency, () -> cohortOf(50));
        as.staff(agency, () -> dashboard.figures(small.id())); // warm up: the first call loads metadata

        int own = CompletionDashboard.statementsOf(agency, StudentQuery.atRisk(small.id()), LocalDate.now(Fixtures.AGENCY_ZONE),
                org.lorkit.domain.agency.AgencyRules.DEFAULTS).size();
        assertThat(statements(agency, small.id())).as("statements of a view: the dashboard's own %d", own).isEqualTo(own);
    }

    /**
     * The students table reads its page and its size in one statement: a page with no rows still says its size (none) and
     * costs the same statements as a full one; a page past the end gives no rows and the size of the whole.
     */
    @Test
    void an_empty_page_and_a_page_past_the_end_say_how_many_students_there_are() {
        long agency = fixtures.agency().id();
        CohortView small = as.staff(agency, () -> cohortOf(50));
        StudentQuery atGoal = new StudentQuery(small.id(), org.lorkit.application.dashboard.Standing.AT_GOAL, null, null, "name", true, 0, 25, null);
        StudentQuery everyone = new StudentQuery(small.id(), null, null, null, "name", true, 0, 25, null);
        as.staff(agency, () -> dashboard.students(everyone)); // warm up

        long[] statements = new long[2];
        CompletionDashboard.StudentPage none = as.staff(agency, () -> {
            long before = SqlStatementCounter.current();
            CompletionDashboard.StudentPage page = dashboard.students(atGoal);
            statements[0] = SqlStatementCounter.current() - before;
            return page;
        });
        CompletionDashboard.StudentPage first = as.staff(agency, () -> {
            long before = SqlStatementCounter.current();
            CompletionDashboard.StudentPage page = dashboard.students(everyone);
            statements[1] = SqlStatementCounter.current() - before;
            return page;
        });
        CompletionDashboard.StudentPage pastTheEnd = as.staff(agency, () -> dashboard.students(everyone.page(1000, 25)));

        assertThat(none.rows()).isEmpty();
        assertThat(none.total()).isZero();
        assertThat(statements[0]).as("statements of an empty page").isEqualTo(statements[1]).isEqualTo(1);
        assertThat(first.rows()).hasSize(25);
        assertThat(first.total()).isEqualTo(55);
        assertThat(pastTheEnd.rows()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(55);
        assertThat(as.staff(agency, () -> dashboard.countStudents(everyone))).isEqualTo(55);
    }

    /** The statements one dashboard view runs: its figures and the first page of its at-risk students. */
    private long statements(long agency, long cohortId) {
        return as.staff(agency, () -> {
            long before = SqlStatementCounter.current();
            dashboard.figures(cohortId);
            var page = dashboard.students(StudentQuery.atRisk(cohortId));
            assertThat(page.rows()).isNotEmpty();
            return SqlStatementCounter.current() - before;
        });
    }

    /** A cohort of n students, and 5 more with a rotation and a letter request. */
    private CohortView cohortOf(int n) {
        LocalDate today = LocalDate.now(org.lorkit.it.support.Fixtures.AGENCY_ZONE);
        CohortView view = cohorts.create(new NewCohort(Fixtures.unique("Cohort of " + n), 2028, "Internal Medicine",
                today.minusDays(30), today.plusDays(20), today.plusDays(40)));
        bulk.students(view.id(), n);
        // A few students with real letters, through the services, so the letter figures have rows to group.
        for (int i = 0; i < 5; i++) {
            StudentView student = fixtures.student(view);
            AttendingView writer = fixtures.attending("Internal Medicine");
            letters.plan(new org.lorkit.application.letter.NewLetterRequest(student.id(), writer.id(),
                    fixtures.rotation(student, writer, 24).id(), null));
        }
        return view;
    }
}
