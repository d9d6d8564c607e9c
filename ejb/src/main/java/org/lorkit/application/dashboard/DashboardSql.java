package org.lorkit.application.dashboard;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.letter.ErasReport;
import org.lorkit.domain.letter.LetterGoal;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.letter.LetterValue;
import org.lorkit.domain.rotation.AskWindow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dashboard's native SQL, written once: a scope of students (a cohort or every active cohort), their
 * letter figures grouped per student, and their standing. Native SQL bypasses EclipseLink's tenant filter,
 * so every table read here carries {@code agency_id = ?} by hand. Runs unchanged on H2 and PostgreSQL.
 * The thresholds come from the domain rules (LetterGoal, LetterValue, AskWindow, ErasReport), the ask window's and the
 * at-risk horizon's numbers from the agency's rules (AgencyRules), passed in.
 * <p>
 * Inside the WITH clauses, the agency id and the dates are written as literals ({@link #lit}): H2 2.2 returns
 * no rows from a CTE that holds a bind parameter and is read twice (measured). They are a long and LocalDates
 * made here, and ints from the agency's rules (checked against their bounds), never text a user typed; what users type
 * (a name, a state) is bound as a parameter outside the CTEs.
 */
public final class DashboardSql {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Appends a bound parameter and returns its placeholder. */
    String p(Object value) {
        parameters.add(value instanceof LocalDate date ? java.sql.Date.valueOf(date) : value);
        return "?" + parameters.size();
    }

    /** An id as an SQL literal: a long cannot carry SQL. */
    static String lit(long value) {
        return Long.toString(value);
    }

    /** A date as a standard SQL literal (DATE 'yyyy-mm-dd'), understood by H2 and PostgreSQL alike. */
    static String lit(LocalDate date) {
        return "DATE '" + date + "'";
    }

    DashboardSql append(String text) {
        sql.append(text);
        return this;
    }

    /**
     * EclipseLink refuses native SQL in a persistence unit with multitenant entities unless a query says it
     * filters by tenant itself, which every statement built here does (agency_id on every table).
     */
    Query query(EntityManager em) {
        Query query = em.createNativeQuery(sql.toString()).setHint("eclipselink.jdbc.allow-native-sql-query", true);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    /** The SQL text with JDBC placeholders (?) and its parameters in order. */
    public record Statement(String sql, List<Object> parameters) {
    }

    Statement statement() {
        return new Statement(sql.toString().replaceAll("\\?\\d+", "?"), List.copyOf(parameters));
    }

    @Override
    public String toString() {
        return sql.toString();
    }

    /**
     * The specialty the writer of letter {@code r} practises, as {@link LetterGoal#writerSpecialty} reads it: the
     * attending's ({@code a}), else the rotation's ({@code ro}). A letter is "in the target specialty" when this is one
     * of the student's targets ({@link LetterGoal#fromTarget}), never because of its "letter for" label (r.specialty).
     */
    static final String WRITER_SPECIALTY = "COALESCE(a.specialty, ro.specialty)";

    private static String states(Set<LetterState> states) {
        return states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }

    /**
     * WITH scope (the students), letters (their figures) and standing (both, with the standing): the start of
     * every dashboard statement. A letter is received ("in ERAS", secured) when it is SUBMITTED, which only the
     * student's "ERAS shows it" reaches (LetterRequest.reportReceivedInEras); one the writer reports uploaded stays
     * awaited until then.
     */
    static DashboardSql withStanding(long agencyId, Long cohortId, LocalDate today, AgencyRules rules) {
        int horizonDays = rules.atRiskHorizonDays();
        DashboardSql q = new DashboardSql();
        Set<LetterState> strong = EnumSet.copyOf(Arrays.stream(LetterState.values()).filter(LetterState::isStrongYesOrLater).toList());
        Set<LetterState> awaiting = EnumSet.copyOf(Arrays.stream(LetterState.values()).filter(LetterState::isAwaitingUpload).toList());
        int usClinical = LetterValue.US_ATTENDING_OTHER_CORE_FIELD.rank();
        LocalDate mismatchBy = today.minusDays(ErasReport.MISMATCH_AFTER_DAYS);
        q.append("WITH scope AS (SELECT st.id AS student_id, st.full_name, st.email, c.name AS cohort_name, "
                + "COALESCE(st.planned_submit_on, c.planned_submit_on) AS submit_on "
                + "FROM student st JOIN cohort c ON c.id = st.cohort_id "
                + "WHERE st.agency_id = " + lit(agencyId) + " AND c.agency_id = " + lit(agencyId) + " AND c.archived = FALSE");
        if (cohortId != null) {
            q.append(" AND st.cohort_id = " + lit(cohortId));
        }
        q.append("), letters AS (SELECT r.student_id, "
                + "SUM(CASE WHEN r.value_rank <= " + usClinical + " AND r.state = 'SUBMITTED' THEN 1 ELSE 0 END) AS secured, "
                + "SUM(CASE WHEN r.value_rank <= " + usClinical + " AND r.state = 'SUBMITTED' AND EXISTS (SELECT 1 FROM student_target_specialty t "
                + "WHERE t.student_id = r.student_id AND t.specialty = " + WRITER_SPECIALTY + ") THEN 1 ELSE 0 END) AS secured_target, "
                + "SUM(CASE WHEN r.value_rank <= " + usClinical + " AND r.state IN (" + states(strong) + ") THEN 1 ELSE 0 END) AS strong, "
                // A letter the writer reports uploaded is not overdue: until ERAS shows it, the mismatch flag speaks for it.
                + "SUM(CASE WHEN r.state IN (" + states(awaiting) + ") AND r.deadline < " + lit(today)
                + " AND r.writer_reported_on IS NULL THEN 1 ELSE 0 END) AS overdue, "
                + "SUM(CASE WHEN r.state = 'NOT_COMING' THEN 1 ELSE 0 END) AS not_coming, "
                + "SUM(CASE WHEN r.writer_mail_problem IN ('BOUNCED', 'COMPLAINED') AND r.state IN (" + states(awaiting) + ") THEN 1 ELSE 0 END) AS bounced, "
                + "SUM(CASE WHEN (r.writer_reported_on IS NOT NULL AND r.eras_received_on IS NULL AND r.writer_reported_on <= " + lit(mismatchBy) + ") "
                + "OR (r.eras_received_on IS NOT NULL AND r.writer_reported_on IS NULL AND r.eras_received_on <= " + lit(mismatchBy) + ") "
                + "THEN 1 ELSE 0 END) AS mismatches, "
                + "SUM(CASE WHEN r.asked_on IS NOT NULL AND r.offered_unprompted = FALSE AND (r.asked_on < ro.end_date - INTERVAL '"
                + AskWindow.idealFromDaysBeforeEnd(rules) + "' DAY OR r.asked_on > ro.end_date + INTERVAL '" + rules.acceptableDaysAfterEnd()
                + "' DAY) THEN 1 ELSE 0 END) AS outside_window "
                + "FROM letter_request r JOIN scope s ON s.student_id = r.student_id "
                + "JOIN rotation ro ON ro.id = r.rotation_id AND ro.agency_id = " + lit(agencyId) + " "
                + "JOIN attending a ON a.id = r.attending_id AND a.agency_id = " + lit(agencyId) + " "
                + "WHERE r.agency_id = " + lit(agencyId) + " GROUP BY r.student_id), ");
        q.append("standing AS (SELECT s.student_id, s.full_name, s.email, s.cohort_name, s.submit_on, "
                + "COALESCE(l.secured, 0) AS secured, COALESCE(l.strong, 0) AS strong, COALESCE(l.overdue, 0) AS overdue, "
                + "COALESCE(l.not_coming, 0) AS not_coming, COALESCE(l.bounced, 0) AS bounced, COALESCE(l.mismatches, 0) AS mismatches, "
                + "COALESCE(l.outside_window, 0) AS outside_window, "
                + "CASE WHEN COALESCE(l.secured, 0) >= " + LetterGoal.MINIMUM + " AND COALESCE(l.secured_target, 0) >= 1 THEN 'AT_GOAL' "
                + "WHEN (s.submit_on <= " + lit(today.plusDays(horizonDays)) + " AND COALESCE(l.strong, 0) < " + LetterGoal.MINIMUM + ") "
                + "OR COALESCE(l.overdue, 0) > 0 OR COALESCE(l.not_coming, 0) > 0 OR COALESCE(l.bounced, 0) > 0 "
                + "OR COALESCE(l.mismatches, 0) > 0 OR COALESCE(l.outside_window, 0) > 0 THEN 'AT_RISK' "
                + "ELSE 'ON_TRACK' END AS standing "
                + "FROM scope s LEFT JOIN letters l ON l.student_id = s.student_id) ");
        return q;
    }

    /** The students a query selects, as a WHERE clause over the standing CTE. */
    void where(long agencyId, StudentQuery query) {
        append("WHERE 1 = 1");
        if (query.standing() != null) {
            append(" AND standing = " + p(query.standing().name()));
        }
        if (query.letterState() != null) {
            append(" AND student_id IN (SELECT r.student_id FROM letter_request r WHERE r.agency_id = " + lit(agencyId)
                    + " AND r.state = " + p(query.letterState().name()) + ")");
        }
        if (query.reached() != null) {
            append(" AND student_id IN (" + query.reached().studentsSql(agencyId) + ")");
        }
        if (query.nameContains() != null && !query.nameContains().isBlank()) {
            String like = "%" + query.nameContains().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            append(" AND (LOWER(full_name) LIKE " + p(like) + " ESCAPE '\\' OR LOWER(email) LIKE " + p(like) + " ESCAPE '\\')");
        }
    }

    /** ORDER BY a whitelisted column; the student id last, so pages never overlap. */
    void orderBy(StudentQuery query) {
        String direction = query.ascending() ? " ASC" : " DESC";
        String column = switch (query.sortBy() == null ? "name" : query.sortBy()) {
            case "cohort" -> "cohort_name" + direction + ", full_name";
            case "submit" -> "submit_on" + direction + ", full_name";
            case "strong" -> "strong" + direction + ", full_name";
            case "risk" -> "(overdue + not_coming + bounced + mismatches + outside_window)" + direction + ", full_name";
            default -> "full_name" + direction;
        };
        append(" ORDER BY " + column + ", student_id");
    }
}
