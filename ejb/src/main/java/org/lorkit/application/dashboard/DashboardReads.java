package org.lorkit.application.dashboard;

import jakarta.persistence.EntityManager;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.letter.LetterState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the dashboard reads, one way from the kept rows (what it shows) and one way from scratch over every letter
 * request of the scope (what it read before issue 20), through the same statements whoever runs them: the service
 * through its EntityManager, the benchmark and the tests over plain JDBC ({@link #over(Connection)}), which compare
 * the two on the same data and fail on any difference.
 */
public final class DashboardReads {
    /** Which computation: the kept rows (student_standing) or today's SQL from scratch. */
    public enum From { KEPT_ROWS, SCRATCH }

    /** Runs a statement and returns its rows, each as its columns. */
    public interface Runner {
        List<Object[]> rows(DashboardSql statement);
    }

    private DashboardReads() {
    }

    /** Runs statements over plain JDBC on this connection. */
    public static Runner over(Connection db) {
        return sql -> {
            DashboardSql.Statement statement = sql.statement();
            try (PreparedStatement prepared = db.prepareStatement(statement.sql())) {
                for (int i = 0; i < statement.parameters().size(); i++) {
                    prepared.setObject(i + 1, statement.parameters().get(i));
                }
                try (ResultSet rows = prepared.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    List<Object[]> read = new ArrayList<>();
                    while (rows.next()) {
                        Object[] row = new Object[columns];
                        for (int c = 0; c < columns; c++) {
                            row[c] = rows.getObject(c + 1);
                        }
                        read.add(row);
                    }
                    return read;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Dashboard statement failed: " + e.getMessage(), e);
            }
        };
    }

    /** Runs statements through the tenant's EntityManager (native SQL naming its agency itself, DashboardSql). */
    static Runner over(EntityManager em) {
        return sql -> {
            List<Object[]> rows = new ArrayList<>();
            for (Object row : sql.query(em).getResultList()) {
                rows.add(row instanceof Object[] columns ? columns : new Object[]{row});
            }
            return rows;
        };
    }

    /**
     * How many of the agency's kept rows are not right for {@code today} (their date recheck is due, or they were counted
     * on a later day), plus one when the agency was never counted in full: a column read with the figures and the count,
     * so that a view learns in the same statement whether it must count rows again first (StandingRows.ensureCurrent).
     */
    static String dueSql(long agency, LocalDate today) {
        String a = DashboardSql.lit(agency);
        return "(SELECT COUNT(*) FROM student_standing d WHERE d.agency_id = " + a + " AND (d.recheck_on <= " + DashboardSql.lit(today)
                + " OR d.counted_on > " + DashboardSql.lit(today) + ")) + (SELECT COUNT(*) FROM agency g WHERE g.id = " + a
                + " AND NOT EXISTS (SELECT 1 FROM student_standing_agency m WHERE m.agency_id = " + a + "))";
    }

    /** A value read from the kept rows, and whether some of the agency's rows were due to be counted again when it was read. */
    record Read<T>(T value, boolean due) {
    }

    private static DashboardSql scope(From from, long agency, Long cohortId, LocalDate today, AgencyRules rules) {
        return from == From.KEPT_ROWS ? DashboardSql.kept(agency, cohortId, today, rules) : DashboardSql.fromScratch(agency, cohortId, today, rules);
    }

    /** The statements of the figures: one over the kept rows; from scratch, the standings with letters by state, and the funnel. */
    static List<DashboardSql> figuresSql(From from, long agency, Long cohortId, LocalDate today, AgencyRules rules) {
        DashboardSql q = scope(from, agency, cohortId, today, rules);
        if (from == From.KEPT_ROWS) {
            List<String> sums = new ArrayList<>();
            Arrays.stream(Standing.values()).map(s -> "SUM(CASE WHEN standing = '" + s.name() + "' THEN 1 ELSE 0 END)").forEach(sums::add);
            Arrays.stream(LetterState.values()).map(s -> "SUM(" + DashboardSql.lettersColumn(s) + ")").forEach(sums::add);
            Arrays.stream(FunnelStep.values()).map(s -> "SUM(" + DashboardSql.funnelColumn(s) + ")").forEach(sums::add);
            sums.add(dueSql(agency, today));
            q.append("SELECT " + String.join(", ", sums) + " FROM standing");
            return List.of(q);
        }
        q.append("SELECT 'S', standing, COUNT(*) FROM standing GROUP BY standing UNION ALL "
                + "SELECT 'L', r.state, COUNT(*) FROM letter_request r JOIN scope s ON s.student_id = r.student_id "
                + "WHERE r.agency_id = " + DashboardSql.lit(agency) + " GROUP BY r.state");
        DashboardSql funnel = scope(from, agency, cohortId, today, rules);
        funnel.append("SELECT " + Arrays.stream(FunnelStep.values())
                .map(step -> step.isLetterStage() ? "COALESCE(SUM(CASE WHEN " + step.reachedSql() + " THEN 1 ELSE 0 END), 0)"
                        : "(" + step.countSql(agency) + ")")
                .collect(Collectors.joining(", "))
                + " FROM letter_request r JOIN scope s ON s.student_id = r.student_id WHERE r.agency_id = " + DashboardSql.lit(agency));
        return List.of(q, funnel);
    }

    /** Headline figures, letters by state and the funnel of a cohort (or of every active cohort, null). */
    public static DashboardFigures figures(Runner db, From from, long agency, Long cohortId, LocalDate today, AgencyRules rules, Instant asOf) {
        return read(db, from, agency, cohortId, today, rules, asOf).value();
    }

    static Read<DashboardFigures> read(Runner db, From from, long agency, Long cohortId, LocalDate today, AgencyRules rules, Instant asOf) {
        boolean due = false;
        List<DashboardSql> statements = figuresSql(from, agency, cohortId, today, rules);
        Map<Standing, Long> standings = new EnumMap<>(Standing.class);
        Map<LetterState, Long> letters = new EnumMap<>(LetterState.class);
        long[] funnel = new long[FunnelStep.values().length];
        Arrays.stream(Standing.values()).forEach(s -> standings.put(s, 0L));
        Arrays.stream(LetterState.values()).forEach(s -> letters.put(s, 0L));
        if (from == From.KEPT_ROWS) {
            Object[] row = db.rows(statements.get(0)).get(0);
            int c = 0;
            for (Standing s : Standing.values()) {
                standings.put(s, n(row[c++]));
            }
            for (LetterState s : LetterState.values()) {
                letters.put(s, n(row[c++]));
            }
            for (FunnelStep s : FunnelStep.values()) {
                funnel[s.ordinal()] = n(row[c++]);
            }
            due = n(row[c]) > 0;
        } else {
            for (Object[] row : db.rows(statements.get(0))) {
                String name = String.valueOf(row[1]).strip();
                if ("S".equals(String.valueOf(row[0]).strip())) {
                    standings.put(Standing.valueOf(name), n(row[2]));
                } else {
                    letters.put(LetterState.valueOf(name), n(row[2]));
                }
            }
            Object[] row = db.rows(statements.get(1)).get(0);
            for (FunnelStep s : FunnelStep.values()) {
                funnel[s.ordinal()] = n(row[s.ordinal()]);
            }
        }
        List<DashboardFigures.FunnelStage> stages = Arrays.stream(FunnelStep.values())
                .map(step -> new DashboardFigures.FunnelStage(step, step.label(), funnel[step.ordinal()])).toList();
        long students = standings.values().stream().mapToLong(Long::longValue).sum();
        return new Read<>(new DashboardFigures(students, Collections.unmodifiableMap(standings), Collections.unmodifiableMap(letters), stages, asOf), due);
    }

    static DashboardSql countSql(From from, long agency, StudentQuery query, LocalDate today, AgencyRules rules) {
        DashboardSql count = scope(from, agency, query.cohortId(), today, rules);
        count.append("SELECT COUNT(*)" + (from == From.KEPT_ROWS ? ", " + dueSql(agency, today) : "") + " FROM standing ");
        count.where(agency, query, from == From.KEPT_ROWS);
        return count;
    }

    static DashboardSql pageSql(From from, long agency, StudentQuery query, LocalDate today, AgencyRules rules, int first, int size) {
        DashboardSql page = scope(from, agency, query.cohortId(), today, rules);
        page.append("SELECT student_id, full_name, email, cohort_name, submit_on, secured, strong, overdue, not_coming, bounced, "
                + "mismatches, outside_window, standing FROM standing ");
        page.where(agency, query, from == From.KEPT_ROWS);
        page.orderBy(query);
        page.append(" LIMIT " + page.p(size) + " OFFSET " + page.p(first));
        return page;
    }

    /** How many students a query selects. */
    public static long count(Runner db, From from, long agency, StudentQuery query, LocalDate today, AgencyRules rules) {
        return counted(db, from, agency, query, today, rules).value();
    }

    static Read<Long> counted(Runner db, From from, long agency, StudentQuery query, LocalDate today, AgencyRules rules) {
        Object[] row = db.rows(countSql(from, agency, query, today, rules)).get(0);
        return new Read<>(n(row[0]), from == From.KEPT_ROWS && n(row[1]) > 0);
    }

    /** Rows {@code first} to {@code first + size} of the students a query selects, in its order. */
    public static List<StudentStanding> rows(Runner db, From from, long agency, StudentQuery query, LocalDate today, AgencyRules rules,
                                             int first, int size) {
        List<StudentStanding> rows = new ArrayList<>();
        for (Object[] c : db.rows(pageSql(from, agency, query, today, rules, first, size))) {
            rows.add(standing(c));
        }
        return rows;
    }

    private static StudentStanding standing(Object[] c) {
        return new StudentStanding(n(c[0]), (String) c[1], (String) c[2], (String) c[3], toDate(c[4]),
                i(c[5]), i(c[6]), i(c[7]), i(c[8]), i(c[9]), i(c[10]), i(c[11]), Standing.valueOf(String.valueOf(c[12]).strip()));
    }

    /** A page of the students a query selects, and how many it selects in all. */
    record Paged(List<StudentStanding> rows, long total) {
    }

    /**
     * The page of a query over the kept rows with, on each row, how many students the query selects in all, and whether
     * some of the agency's rows were due: one statement where a count and a page were two (two passes over the scope).
     * Joined to a row of its own that says "due", so that an empty page still answers it (one row of nulls): a view
     * costs the same statements whatever the data. Only a page past the end (first &gt; 0, no rows) needs the count.
     */
    static DashboardSql pagedSql(long agency, StudentQuery query, LocalDate today, AgencyRules rules) {
        DashboardSql page = scope(From.KEPT_ROWS, agency, query.cohortId(), today, rules);
        page.append("SELECT p.*, d.due FROM (SELECT " + dueSql(agency, today) + " AS due) d LEFT JOIN (");
        page.append("SELECT student_id, full_name, email, cohort_name, submit_on, secured, strong, overdue, not_coming, bounced, "
                + "mismatches, outside_window, standing, COUNT(*) OVER () AS total FROM standing ");
        page.where(agency, query, true);
        page.orderBy(query);
        page.append(" LIMIT " + page.p(query.pageSize()) + " OFFSET " + page.p(query.first()) + ") p ON 1 = 1 ");
        page.orderBy(query);
        return page;
    }

    static Read<Paged> paged(Runner db, long agency, StudentQuery query, LocalDate today, AgencyRules rules) {
        List<Object[]> found = db.rows(pagedSql(agency, query, today, rules));
        boolean due = n(found.get(0)[14]) > 0;
        if (found.get(0)[0] == null) {
            if (query.first() == 0) {
                return new Read<>(new Paged(List.of(), 0), due);
            }
            Read<Long> count = counted(db, From.KEPT_ROWS, agency, query.forCount(), today, rules);
            return new Read<>(new Paged(List.of(), count.value()), count.due());
        }
        List<StudentStanding> rows = found.stream().map(DashboardReads::standing).toList();
        return new Read<>(new Paged(rows, n(found.get(0)[13])), due);
    }

    /**
     * The statements one dashboard view runs (the figures, the count and the first page of a query), as SQL text and
     * parameters: what the benchmark runs over plain JDBC to compare with the service, from the kept rows or from scratch.
     */
    public static List<DashboardSql.Statement> statementsOf(From from, long agency, StudentQuery query, LocalDate today, AgencyRules rules) {
        List<DashboardSql.Statement> statements = new ArrayList<>();
        figuresSql(from, agency, query.cohortId(), today, rules).forEach(q -> statements.add(q.statement()));
        if (from == From.KEPT_ROWS) {
            statements.add(pagedSql(agency, query, today, rules).statement());
        } else {
            statements.add(countSql(from, agency, query, today, rules).statement());
            statements.add(pageSql(from, agency, query, today, rules, query.first(), query.pageSize()).statement());
        }
        return statements;
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static int i(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }
}
