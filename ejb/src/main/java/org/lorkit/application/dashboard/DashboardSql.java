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

    /** LetterState names as an SQL list of literals. */
    private static String states(java.util.function.Predicate<LetterState> which) {
        return states(EnumSet.copyOf(Arrays.stream(LetterState.values()).filter(which).toList()));
    }

    /** The column of a kept row that counts the student's requests in this state. */
    static String lettersColumn(LetterState state) {
        return "letters_" + state.name().toLowerCase(Locale.ROOT);
    }

    /** The column of a kept row that counts the student's rotations or requests that reached this funnel stage. */
    static String funnelColumn(FunnelStep step) {
        return "funnel_" + step.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The per-student letter figures of {@code letter_request r} (joined to its rotation {@code ro} and attending {@code a})
     * that do not depend on the date, as aggregate expressions: the one definition both computations use.
     */
    private static List<String> undatedFigures(AgencyRules rules) {
        int usClinical = LetterValue.US_ATTENDING_OTHER_CORE_FIELD.rank();
        String strong = states(LetterState::isStrongYesOrLater);
        String awaiting = states(LetterState::isAwaitingUpload);
        return List.of(
                "SUM(CASE WHEN r.value_rank <= " + usClinical + " AND r.state = 'SUBMITTED' THEN 1 ELSE 0 END) AS secured",
                "SUM(CASE WHEN r.value_rank <= " + usClinical + " AND r.state = 'SUBMITTED' AND EXISTS (SELECT 1 FROM student_target_specialty t "
                        + "WHERE t.student_id = r.student_id AND t.specialty = " + WRITER_SPECIALTY + ") THEN 1 ELSE 0 END) AS secured_target",
                "SUM(CASE WHEN r.value_rank <= " + usClinical + " AND r.state IN (" + strong + ") THEN 1 ELSE 0 END) AS strong",
                "SUM(CASE WHEN r.state = 'NOT_COMING' THEN 1 ELSE 0 END) AS not_coming",
                "SUM(CASE WHEN r.writer_mail_problem IN ('BOUNCED', 'COMPLAINED') AND r.state IN (" + awaiting + ") THEN 1 ELSE 0 END) AS bounced",
                "SUM(CASE WHEN r.asked_on IS NOT NULL AND r.offered_unprompted = FALSE AND (r.asked_on < ro.end_date - INTERVAL '"
                        + AskWindow.idealFromDaysBeforeEnd(rules) + "' DAY OR r.asked_on > ro.end_date + INTERVAL '" + rules.acceptableDaysAfterEnd()
                        + "' DAY) THEN 1 ELSE 0 END) AS outside_window");
    }

    /** A letter the writer reports uploaded is not overdue: until ERAS shows it, the mismatch flag speaks for it. */
    private static String overdue(LocalDate today) {
        return "r.state IN (" + states(LetterState::isAwaitingUpload) + ") AND r.writer_reported_on IS NULL AND r.deadline < " + lit(today);
    }

    /** One side of the ERAS mismatch (ErasReport): reported by one, not by the other, for the rule's days by {@code mismatchBy}. */
    private static String mismatch(LocalDate mismatchBy) {
        return "(r.writer_reported_on IS NOT NULL AND r.eras_received_on IS NULL AND r.writer_reported_on <= " + lit(mismatchBy) + ") "
                + "OR (r.eras_received_on IS NOT NULL AND r.writer_reported_on IS NULL AND r.eras_received_on <= " + lit(mismatchBy) + ")";
    }

    /**
     * The standing of a student from their figures (columns of that name) and submit date ({@code submit_on}): AT_GOAL
     * by LetterGoal, AT_RISK for any reason StudentStanding.reasons words, else ON_TRACK. The horizon reason is the only
     * one of today's date and the submit date, both read live.
     */
    private static String standingCase(LocalDate today, AgencyRules rules) {
        return "CASE WHEN secured >= " + LetterGoal.MINIMUM + " AND secured_target >= 1 THEN 'AT_GOAL' "
                + "WHEN (submit_on <= " + lit(today.plusDays(rules.atRiskHorizonDays())) + " AND strong < " + LetterGoal.MINIMUM + ") "
                + "OR overdue > 0 OR not_coming > 0 OR bounced > 0 OR mismatches > 0 OR outside_window > 0 THEN 'AT_RISK' "
                + "ELSE 'ON_TRACK' END";
    }

    private static final List<String> FIGURE_COLUMNS = List.of("secured", "secured_target", "strong", "overdue", "not_coming", "bounced",
            "mismatches", "outside_window");

    /** The students of a scope: a cohort, or every active cohort of the agency (st: student, c: cohort). */
    private static String scopeWhere(long agencyId, Long cohortId) {
        return "st.agency_id = " + lit(agencyId) + " AND c.agency_id = " + lit(agencyId) + " AND c.archived = FALSE"
                + (cohortId == null ? "" : " AND st.cohort_id = " + lit(cohortId));
    }

    /**
     * WITH scope (the students), letters (their figures) and standing (both, with the standing), computed from scratch
     * over every letter request of the scope: what the dashboard ran on every view before the kept rows (issue 20), kept
     * as the reference the benchmark and the tests hold the kept rows to. A letter is received ("in ERAS", secured) when
     * it is SUBMITTED, which only the student's "ERAS shows it" reaches (LetterRequest.reportReceivedInEras); one the
     * writer reports uploaded stays awaited until then.
     */
    static DashboardSql fromScratch(long agencyId, Long cohortId, LocalDate today, AgencyRules rules) {
        DashboardSql q = new DashboardSql();
        LocalDate mismatchBy = today.minusDays(ErasReport.MISMATCH_AFTER_DAYS);
        q.append("WITH scope AS (SELECT st.id AS student_id, st.full_name, st.email, c.name AS cohort_name, "
                + "COALESCE(st.planned_submit_on, c.planned_submit_on) AS submit_on "
                + "FROM student st JOIN cohort c ON c.id = st.cohort_id WHERE " + scopeWhere(agencyId, cohortId));
        q.append("), letters AS (SELECT r.student_id, " + String.join(", ", undatedFigures(rules)) + ", "
                + "SUM(CASE WHEN " + overdue(today) + " THEN 1 ELSE 0 END) AS overdue, "
                + "SUM(CASE WHEN " + mismatch(mismatchBy) + " THEN 1 ELSE 0 END) AS mismatches "
                + "FROM letter_request r JOIN scope s ON s.student_id = r.student_id "
                + "JOIN rotation ro ON ro.id = r.rotation_id AND ro.agency_id = " + lit(agencyId) + " "
                + "JOIN attending a ON a.id = r.attending_id AND a.agency_id = " + lit(agencyId) + " "
                + "WHERE r.agency_id = " + lit(agencyId) + " GROUP BY r.student_id), ");
        q.append("figures AS (SELECT s.student_id, s.full_name, s.email, s.cohort_name, s.submit_on, "
                + FIGURE_COLUMNS.stream().map(c -> "COALESCE(l." + c + ", 0) AS " + c).collect(Collectors.joining(", "))
                + " FROM scope s LEFT JOIN letters l ON l.student_id = s.student_id), ");
        q.append("standing AS (SELECT figures.*, " + standingCase(today, rules) + " AS standing FROM figures) ");
        return q;
    }

    /**
     * WITH standing: the students of a scope with their kept rows (student_standing, see StandingRows), and their
     * standing; the same columns as {@link #fromScratch}, plus each row's letters by state and funnel stages. A
     * student without a row has no requests and no rotations: zeros.
     */
    static DashboardSql kept(long agencyId, Long cohortId, LocalDate today, AgencyRules rules) {
        DashboardSql q = new DashboardSql();
        List<String> counts = new ArrayList<>(FIGURE_COLUMNS);
        Arrays.stream(LetterState.values()).map(DashboardSql::lettersColumn).forEach(counts::add);
        Arrays.stream(FunnelStep.values()).map(DashboardSql::funnelColumn).forEach(counts::add);
        q.append("WITH figures AS (SELECT st.id AS student_id, st.full_name, st.email, c.name AS cohort_name, "
                + "COALESCE(st.planned_submit_on, c.planned_submit_on) AS submit_on, "
                + counts.stream().map(c -> "COALESCE(k." + c + ", 0) AS " + c).collect(Collectors.joining(", "))
                + " FROM student st JOIN cohort c ON c.id = st.cohort_id "
                + "LEFT JOIN student_standing k ON k.student_id = st.id AND k.agency_id = " + lit(agencyId)
                + " WHERE " + scopeWhere(agencyId, cohortId) + "), ");
        q.append("standing AS (SELECT figures.*, " + standingCase(today, rules) + " AS standing FROM figures) ");
        return q;
    }

    /** The columns of a kept row, in the order {@link #keptRows} selects them. */
    static List<String> keptColumns() {
        List<String> columns = new ArrayList<>(List.of("student_id", "agency_id", "counted_on", "recheck_on"));
        columns.addAll(FIGURE_COLUMNS);
        Arrays.stream(LetterState.values()).map(DashboardSql::lettersColumn).forEach(columns::add);
        Arrays.stream(FunnelStep.values()).map(DashboardSql::funnelColumn).forEach(columns::add);
        return columns;
    }

    /**
     * SELECT the kept rows of some students of the agency ({@code studentIds}, or all when null) as of {@code today}:
     * the same per-request figures as {@link #fromScratch}, their letters by state and funnel stages, and the first day
     * after today on which a date alone would change one of them ({@code recheck_on}: a deadline passing, or an ERAS
     * report reaching the mismatch's days), null when none would. Over every student of the agency, archived cohorts
     * too: the archive flag is read live.
     */
    static DashboardSql keptRows(long agencyId, LocalDate today, AgencyRules rules, java.util.Collection<Long> studentIds) {
        DashboardSql q = new DashboardSql();
        String a = lit(agencyId);
        String only = studentIds == null ? "" : " IN (" + studentIds.stream().map(id -> lit(id)).collect(Collectors.joining(", ")) + ")";
        LocalDate mismatchBy = today.minusDays(ErasReport.MISMATCH_AFTER_DAYS);
        int mismatchDays = ErasReport.MISMATCH_AFTER_DAYS;
        // The day each request would next change a date-dependent figure: its deadline passing (overdue from the next
        // day), or its one-sided ERAS report reaching the mismatch's days. Only days after today.
        String deadlinePasses = "CASE WHEN r.state IN (" + states(LetterState::isAwaitingUpload) + ") AND r.writer_reported_on IS NULL "
                + "AND r.deadline >= " + lit(today) + " THEN CAST(r.deadline + INTERVAL '1' DAY AS DATE) END";
        String writerMismatches = "CASE WHEN r.writer_reported_on IS NOT NULL AND r.eras_received_on IS NULL AND r.writer_reported_on > "
                + lit(mismatchBy) + " THEN CAST(r.writer_reported_on + INTERVAL '" + mismatchDays + "' DAY AS DATE) END";
        String erasMismatches = "CASE WHEN r.eras_received_on IS NOT NULL AND r.writer_reported_on IS NULL AND r.eras_received_on > "
                + lit(mismatchBy) + " THEN CAST(r.eras_received_on + INTERVAL '" + mismatchDays + "' DAY AS DATE) END";
        List<String> letterFigures = new ArrayList<>(undatedFigures(rules));
        letterFigures.add("SUM(CASE WHEN " + overdue(today) + " THEN 1 ELSE 0 END) AS overdue");
        letterFigures.add("SUM(CASE WHEN " + mismatch(mismatchBy) + " THEN 1 ELSE 0 END) AS mismatches");
        for (LetterState state : LetterState.values()) {
            letterFigures.add("SUM(CASE WHEN r.state = '" + state.name() + "' THEN 1 ELSE 0 END) AS " + lettersColumn(state));
        }
        for (FunnelStep step : FunnelStep.values()) {
            if (step.isLetterStage()) {
                letterFigures.add("SUM(CASE WHEN " + step.reachedSql() + " THEN 1 ELSE 0 END) AS " + funnelColumn(step));
            }
        }
        letterFigures.add("MIN(" + earliest(earliest(deadlinePasses, writerMismatches), erasMismatches) + ") AS recheck_on");
        List<String> select = new ArrayList<>(List.of("st.id", a, lit(today), "l.recheck_on"));
        for (String column : keptColumns().subList(4, keptColumns().size())) {
            select.add(switch (column) {
                case "funnel_rotation" -> "COALESCE(ro.rotations, 0)";
                case "funnel_feedback" -> "COALESCE(f.checked, 0)";
                default -> "COALESCE(l." + column + ", 0)";
            });
        }
        q.append("SELECT " + String.join(", ", select) + " FROM student st "
                + "LEFT JOIN (SELECT r.student_id, " + String.join(", ", letterFigures) + " FROM letter_request r "
                + "JOIN rotation ro ON ro.id = r.rotation_id AND ro.agency_id = " + a + " "
                + "JOIN attending a ON a.id = r.attending_id AND a.agency_id = " + a + " "
                + "WHERE r.agency_id = " + a + (studentIds == null ? "" : " AND r.student_id" + only) + " GROUP BY r.student_id) l ON l.student_id = st.id "
                + "LEFT JOIN (SELECT ro.student_id, COUNT(*) AS rotations FROM rotation ro WHERE ro.agency_id = " + a
                + (studentIds == null ? "" : " AND ro.student_id" + only) + " GROUP BY ro.student_id) ro ON ro.student_id = st.id "
                + "LEFT JOIN (SELECT ro.student_id, COUNT(DISTINCT f.rotation_id) AS checked FROM feedback_check f "
                + "JOIN rotation ro ON ro.id = f.rotation_id AND ro.agency_id = " + a + " WHERE f.agency_id = " + a
                + (studentIds == null ? "" : " AND ro.student_id" + only) + " GROUP BY ro.student_id) f ON f.student_id = st.id "
                + "WHERE st.agency_id = " + a + (studentIds == null ? "" : " AND st.id" + only));
        return q;
    }

    /** The earlier of two nullable dates in SQL (LEAST treats NULL differently on H2 and PostgreSQL). */
    private static String earliest(String x, String y) {
        return "CASE WHEN (" + x + ") IS NULL THEN (" + y + ") WHEN (" + y + ") IS NULL THEN (" + x + ") "
                + "WHEN (" + x + ") < (" + y + ") THEN (" + x + ") ELSE (" + y + ") END";
    }

    /**
     * The students a query selects, as a WHERE clause over the standing CTE: from the kept rows' counts, or (from
     * scratch) by looking at the requests.
     */
    void where(long agencyId, StudentQuery query, boolean fromKeptRows) {
        append("WHERE 1 = 1");
        if (query.standing() != null) {
            append(" AND standing = " + p(query.standing().name()));
        }
        if (query.letterState() != null && fromKeptRows) {
            append(" AND " + lettersColumn(query.letterState()) + " > 0");
        } else if (query.letterState() != null) {
            append(" AND student_id IN (SELECT r.student_id FROM letter_request r WHERE r.agency_id = " + lit(agencyId)
                    + " AND r.state = " + p(query.letterState().name()) + ")");
        }
        if (query.reached() != null && fromKeptRows) {
            append(" AND " + funnelColumn(query.reached()) + " > 0");
        } else if (query.reached() != null) {
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
