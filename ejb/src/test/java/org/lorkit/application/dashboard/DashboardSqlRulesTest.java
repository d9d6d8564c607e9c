package org.lorkit.application.dashboard;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.agency.AgencyRules.Rule;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's statements take the ask window's and the at-risk horizon's numbers from the agency's rules. */
class DashboardSqlRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2027, 8, 2);

    @Test
    void the_defaults_give_todays_numbers() {
        String sql = CompletionDashboard.countsSql(7, null, TODAY, AgencyRules.DEFAULTS).toString();

        assertThat(sql).contains("r.asked_on < ro.end_date - INTERVAL '4' DAY")
                .contains("r.asked_on > ro.end_date + INTERVAL '28' DAY")
                .contains("s.submit_on <= DATE '2027-09-01'");
    }

    @Test
    void an_agencys_own_numbers_go_into_every_statement() {
        AgencyRules rules = AgencyRules.DEFAULTS.with(Rule.IDEAL_LAST_DAYS, 3).with(Rule.ACCEPTABLE_WEEKS_AFTER_END, 2)
                .with(Rule.AT_RISK_HORIZON_DAYS, 60);
        StudentQuery query = StudentQuery.atRisk(null);

        for (DashboardSql.Statement statement : CompletionDashboard.statementsOf(7, query, TODAY, rules)) {
            assertThat(statement.sql()).contains("r.asked_on < ro.end_date - INTERVAL '2' DAY")
                    .contains("r.asked_on > ro.end_date + INTERVAL '14' DAY")
                    .contains("s.submit_on <= DATE '2027-10-01'");
        }
    }
}
