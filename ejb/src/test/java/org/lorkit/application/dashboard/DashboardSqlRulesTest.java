package org.lorkit.application.dashboard;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.agency.AgencyRules.Rule;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's statements take the ask window's and the at-risk horizon's numbers from the agency's rules: the ask
 * window where the kept rows are counted (and in the from-scratch SQL), the horizon in every read, both ways.
 */
class DashboardSqlRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2027, 8, 2);

    @Test
    void the_defaults_give_todays_numbers() {
        String scratch = DashboardSql.fromScratch(7, null, TODAY, AgencyRules.DEFAULTS).toString();
        String counted = DashboardSql.keptRows(7, TODAY, AgencyRules.DEFAULTS, List.of(11L)).toString();

        for (String sql : List.of(scratch, counted)) {
            assertThat(sql).contains("r.asked_on < ro.end_date - INTERVAL '4' DAY")
                    .contains("r.asked_on > ro.end_date + INTERVAL '28' DAY");
        }
        assertThat(scratch).contains("submit_on <= DATE '2027-09-01'");
        assertThat(DashboardSql.kept(7, null, TODAY, AgencyRules.DEFAULTS).toString()).contains("submit_on <= DATE '2027-09-01'");
    }

    @Test
    void an_agencys_own_numbers_go_into_every_statement() {
        AgencyRules rules = AgencyRules.DEFAULTS.with(Rule.IDEAL_LAST_DAYS, 3).with(Rule.ACCEPTABLE_WEEKS_AFTER_END, 2)
                .with(Rule.AT_RISK_HORIZON_DAYS, 60);
        StudentQuery query = StudentQuery.atRisk(null);

        for (DashboardSql.Statement statement : DashboardReads.statementsOf(DashboardReads.From.SCRATCH, 7, query, TODAY, rules)) {
            assertThat(statement.sql()).contains("r.asked_on < ro.end_date - INTERVAL '2' DAY")
                    .contains("r.asked_on > ro.end_date + INTERVAL '14' DAY")
                    .contains("submit_on <= DATE '2027-10-01'");
        }
        for (DashboardSql.Statement statement : CompletionDashboard.statementsOf(7, query, TODAY, rules)) {
            assertThat(statement.sql()).contains("submit_on <= DATE '2027-10-01'").contains("student_standing");
        }
        assertThat(DashboardSql.keptRows(7, TODAY, rules, null).toString()).contains("r.asked_on < ro.end_date - INTERVAL '2' DAY")
                .contains("r.asked_on > ro.end_date + INTERVAL '14' DAY");
    }

    @Test
    void every_statement_names_the_agency_on_every_table() {
        String counted = DashboardSql.keptRows(7, TODAY, AgencyRules.DEFAULTS, List.of(11L, 12L)).toString();
        assertThat(counted).contains("st.agency_id = 7 AND st.id IN (11, 12)").contains("r.agency_id = 7 AND r.student_id IN (11, 12)")
                .contains("ro.agency_id = 7 AND ro.student_id IN (11, 12)").contains("f.agency_id = 7").contains("a.agency_id = 7");
        assertThat(DashboardSql.kept(7, 3L, TODAY, AgencyRules.DEFAULTS).toString()).contains("k.agency_id = 7")
                .contains("st.agency_id = 7 AND c.agency_id = 7").contains("st.cohort_id = 3");
    }
}
