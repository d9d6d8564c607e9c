package org.lorkit.application.dashboard;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.lorkit.application.Actor;
import org.lorkit.application.CsvExport;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.application.advice.WriterChoices;
import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.mail.LetterMails;
import org.lorkit.domain.advice.LetterNotComing;
import org.lorkit.domain.advice.WriterSuggestions;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterRequestEvent;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.student.Student;
import org.lorkit.domain.student.StudentNote;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The completion dashboard of a cohort or the whole agency. Its figures are two aggregate statements and a
 * page of students two more, whatever the number of students (see DashboardSql); what staff do from it
 * (a nudge, a note) goes through the same outbox and audit as everything else.
 */
@Stateless
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
public class CompletionDashboard {
    private static final Logger LOG = Logger.getLogger(CompletionDashboard.class.getName());
    private static final int EXPORT_LIMIT = 100_000;

    @Inject
    TenantData tenant;
    @Inject
    Clock clock;
    @Inject
    LetterMails mails;
    @Inject
    FigureCache figureCache;
    @Inject
    WriterChoices writers;
    @Inject
    org.lorkit.infrastructure.metrics.Meters meters;
    @Resource
    SessionContext context;

    /**
     * Headline figures, letters by state and the funnel: two statements, shared for a few seconds (FigureCache) by
     * whoever asks with the same agency rules (a change of the rules is counted afresh at once).
     */
    public DashboardFigures figures(Long cohortId) {
        long agency = tenant.agencyId();
        LocalDate today = tenant.today();
        AgencyRules rules = rules();
        return figureCache.get(new FigureCache.Key(agency, cohortId, today, FigureCache.Key.FIGURES, rules), clock,
                        () -> meters.dashboard("figures", () -> computeFigures(agency, cohortId, today, rules)))
                .readAt(clock.instant());
    }

    /** A student submitting within this many days with fewer than 2 strong letters is at risk: the agency's number. */
    public int atRiskHorizonDays() {
        return rules().atRiskHorizonDays();
    }

    private AgencyRules rules() {
        return tenant.agency().getRules();
    }

    private DashboardFigures computeFigures(long agency, Long cohortId, LocalDate today, AgencyRules rules) {
        EntityManager em = tenant.em();

        DashboardSql counts = countsSql(agency, cohortId, today, rules);
        Map<Standing, Long> standings = new EnumMap<>(Standing.class);
        Map<LetterState, Long> letters = new EnumMap<>(LetterState.class);
        for (Standing s : Standing.values()) {
            standings.put(s, 0L);
        }
        for (LetterState s : LetterState.values()) {
            letters.put(s, 0L);
        }
        for (Object row : counts.query(em).getResultList()) {
            Object[] columns = (Object[]) row;
            long n = ((Number) columns[2]).longValue();
            if ("S".equals(String.valueOf(columns[0]).strip())) {
                standings.put(Standing.valueOf(String.valueOf(columns[1]).strip()), n);
            } else {
                letters.put(LetterState.valueOf(String.valueOf(columns[1]).strip()), n);
            }
        }
        long students = standings.values().stream().mapToLong(Long::longValue).sum();
        // Shared by every staff member of the scope for a period (FigureCache): nobody may change them.
        return new DashboardFigures(students, java.util.Collections.unmodifiableMap(standings), java.util.Collections.unmodifiableMap(letters),
                List.copyOf(funnel(em, agency, cohortId, today, rules)), clock.instant());
    }

    /** Standings and letters by state in one statement. */
    static DashboardSql countsSql(long agency, Long cohortId, LocalDate today, AgencyRules rules) {
        DashboardSql counts = DashboardSql.withStanding(agency, cohortId, today, rules);
        counts.append("SELECT 'S', standing, COUNT(*) FROM standing GROUP BY standing UNION ALL "
                + "SELECT 'L', r.state, COUNT(*) FROM letter_request r JOIN scope s ON s.student_id = r.student_id "
                + "WHERE r.agency_id = " + DashboardSql.lit(agency) + " GROUP BY r.state");
        return counts;
    }

    /**
     * The funnel (see FunnelStep): one statement; the rotation stages are sub-selects, the letter stages one pass
     * over the scope's requests.
     */
    static DashboardSql funnelSql(long agency, Long cohortId, LocalDate today, AgencyRules rules) {
        DashboardSql q = DashboardSql.withStanding(agency, cohortId, today, rules);
        q.append("SELECT " + java.util.Arrays.stream(FunnelStep.values())
                .map(step -> step.isLetterStage() ? "COALESCE(SUM(CASE WHEN " + step.reachedSql() + " THEN 1 ELSE 0 END), 0)"
                        : "(" + step.countSql(agency) + ")")
                .collect(java.util.stream.Collectors.joining(", "))
                + " FROM letter_request r JOIN scope s ON s.student_id = r.student_id WHERE r.agency_id = " + DashboardSql.lit(agency));
        return q;
    }

    static DashboardSql studentCountSql(long agency, StudentQuery query, LocalDate today, AgencyRules rules) {
        DashboardSql count = DashboardSql.withStanding(agency, query.cohortId(), today, rules);
        count.append("SELECT COUNT(*) FROM standing ");
        count.where(agency, query);
        return count;
    }

    static DashboardSql studentPageSql(long agency, StudentQuery query, LocalDate today, AgencyRules rules, int first, int size) {
        DashboardSql page = DashboardSql.withStanding(agency, query.cohortId(), today, rules);
        page.append("SELECT student_id, full_name, email, cohort_name, submit_on, secured, strong, overdue, not_coming, bounced, "
                + "mismatches, outside_window, standing FROM standing ");
        page.where(agency, query);
        page.orderBy(query);
        page.append(" LIMIT " + page.p(size) + " OFFSET " + page.p(first));
        return page;
    }

    /**
     * The statements one dashboard view runs (figures, funnel, the count and the first page of a query), as SQL
     * text and parameters, by the agency's rules: what the benchmark runs over plain JDBC to compare with the service.
     */
    public static List<DashboardSql.Statement> statementsOf(long agency, StudentQuery query, LocalDate today, AgencyRules rules) {
        return List.of(countsSql(agency, query.cohortId(), today, rules).statement(), funnelSql(agency, query.cohortId(), today, rules).statement(),
                studentCountSql(agency, query, today, rules).statement(),
                studentPageSql(agency, query, today, rules, query.first(), query.pageSize()).statement());
    }

    private List<DashboardFigures.FunnelStage> funnel(EntityManager em, long agency, Long cohortId, LocalDate today, AgencyRules rules) {
        Object[] row = (Object[]) funnelSql(agency, cohortId, today, rules).query(em).getSingleResult();
        List<DashboardFigures.FunnelStage> stages = new ArrayList<>();
        for (FunnelStep step : FunnelStep.values()) {
            stages.add(new DashboardFigures.FunnelStage(step, step.label(), ((Number) row[step.ordinal()]).longValue()));
        }
        return stages;
    }

    /**
     * How many students a query selects: one statement (the table asks for its size before its first page), shared
     * like the figures unless the query looks for a name.
     */
    public long countStudents(@NotNull @Valid StudentQuery query) {
        long agency = tenant.agencyId();
        LocalDate today = tenant.today();
        AgencyRules rules = rules();
        StudentQuery counted = query.forCount();
        return shared(agency, today, rules, new TablePart(true, counted), counted,
                () -> ((Number) studentCountSql(agency, counted, today, rules).query(tenant.em()).getSingleResult()).longValue());
    }

    /**
     * A page of the students behind a figure, sorted and filtered in the database: two statements. The first page of
     * a query that looks for no name (the table as it opens, or drilled into from a figure) is shared like the
     * figures, its rows and its total counted together (the paginator never shows a total from another moment than
     * the rows); the pages after it and name searches are read afresh.
     */
    public StudentPage students(@NotNull @Valid StudentQuery query) {
        EntityManager em = tenant.em();
        long agency = tenant.agencyId();
        LocalDate today = tenant.today();
        AgencyRules rules = rules();
        int horizon = rules.atRiskHorizonDays();
        if (query.first() == 0) {
            return shared(agency, today, rules, new TablePart(false, query), query, () -> {
                long total = ((Number) studentCountSql(agency, query, today, rules).query(em).getSingleResult()).longValue();
                return new StudentPage(List.copyOf(rows(em, agency, query, today, rules, 0, query.pageSize())), total, today, horizon);
            });
        }
        long total = countStudents(query);
        // The page is read even when the count is zero, so a view costs the same statements whatever the data.
        return new StudentPage(meters.dashboard("students", () -> rows(em, agency, query, today, rules, query.first(), query.pageSize())),
                total, today, horizon);
    }

    /** Which part of the students table a cache entry holds: a query's count, or its first page with its total. */
    private record TablePart(boolean count, StudentQuery query) {
    }

    private <T> T shared(long agency, LocalDate today, AgencyRules rules, TablePart part, StudentQuery query, Supplier<T> compute) {
        Supplier<T> timed = () -> meters.dashboard("students", compute);
        return query.nameContains() == null
                ? figureCache.get(new FigureCache.Key(agency, query.cohortId(), today, part, rules), clock, timed)
                : timed.get();
    }

    private static List<StudentStanding> rows(EntityManager em, long agency, StudentQuery query, LocalDate today, AgencyRules rules,
                                              int first, int size) {
        List<StudentStanding> rows = new ArrayList<>();
        for (Object row : studentPageSql(agency, query, today, rules, first, size).query(em).getResultList()) {
            Object[] c = (Object[]) row;
            rows.add(new StudentStanding(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3], toDate(c[4]),
                    i(c[5]), i(c[6]), i(c[7]), i(c[8]), i(c[9]), i(c[10]), i(c[11]), Standing.valueOf(String.valueOf(c[12]).strip())));
        }
        return rows;
    }

    /** A page of students with the reasons each is at risk, and how many there are in all. */
    public record StudentPage(List<StudentStanding> rows, long total, LocalDate today, int horizonDays) implements java.io.Serializable {
        public List<String> reasons(StudentStanding row) {
            return row.reasons(today, horizonDays);
        }
    }

    /** The same students as the table shows, every page of them, as CSV (the columns of the table). */
    public CsvExport.File exportCsv(@NotNull @Valid StudentQuery query) {
        EntityManager em = tenant.em();
        long agency = tenant.agencyId();
        LocalDate today = tenant.today();
        AgencyRules rules = rules();
        List<StudentStanding> rows = rows(em, agency, query, today, rules, 0, EXPORT_LIMIT);
        List<List<Object>> lines = rows.stream().<List<Object>>map(row -> java.util.Arrays.asList(row.name(), row.email(), row.cohort(),
                row.submitOn(), row.strongLetters(), row.securedLetters(), row.standing().label(),
                String.join("; ", row.reasons(today, rules.atRiskHorizonDays())))).toList();
        return CsvExport.file("students", today, List.of("student", "email", "cohort", "planned submit", "strong letters", "in ERAS", "standing", "reasons"), lines);
    }

    /**
     * Everything about one student: requests with their events (three statements), staff's notes, and the letters that
     * fell through with whom to ask next.
     */
    public StudentTimeline timeline(long studentId) {
        EntityManager em = tenant.em();
        Student student = tenant.require(Student.class, studentId, "studentId");
        List<LetterRequest> requests = em.createNamedQuery("LetterRequest.findByStudentOldestFirst", LetterRequest.class).setParameter("student", student).getResultList();
        Map<Long, List<LetterEventView>> events = new LinkedHashMap<>();
        java.time.ZoneId zone = tenant.zone();
        if (!requests.isEmpty()) {
            for (LetterRequestEvent e : em.createNamedQuery("LetterRequestEvent.findByStudent", LetterRequestEvent.class).setParameter("student", student).getResultList()) {
                events.computeIfAbsent(e.getRequest().getId(), id -> new ArrayList<>()).add(LetterEventView.of(e, zone));
            }
        }
        List<StudentTimeline.Letter> letters = requests.stream()
                .map(r -> new StudentTimeline.Letter(LetterRequestView.of(r), events.getOrDefault(r.getId(), List.of()), r.getDeclineNote())).toList();
        List<StudentTimeline.Note> notes = em.createNamedQuery("StudentNote.findByStudent", StudentNote.class)
                .setParameter("student", student).getResultList().stream()
                .map(n -> new StudentTimeline.Note(n.getAuthor(), n.getText(), n.getWrittenAt(), zone)).toList();
        return new StudentTimeline(student.getId(), student.getFullName(), student.getEmail(), student.getCohort().getName(),
                student.effectivePlannedSubmitOn(), letters, notes, notComing(student, requests));
    }

    /**
     * The student's letters that fell through (declined, or not coming after two reminders), oldest first, each with
     * whom to ask next by the suggestion rule the student's own home uses. Three more statements, only when there are some.
     */
    private List<LetterNotComing> notComing(Student student, List<LetterRequest> requests) {
        List<LetterRequest> fell = requests.stream().filter(r -> LetterNotComing.applies(r.getState())).toList();
        if (fell.isEmpty()) {
            return List.of();
        }
        ZoneId zone = tenant.agency().getTimeZone();
        List<WriterSuggestions.Suggestion> next = writers.next(student);
        return fell.stream().map(r -> new LetterNotComing(r.getId(), r.getAttending().getFullName(), r.getState(),
                LocalDate.ofInstant(r.getStateChangedAt(), zone), next)).toList();
    }

    /**
     * Emails the student staff's words through the outbox. One nudge a day per student: returns false when
     * one already went today (nothing more is sent).
     */
    public boolean nudge(long studentId, String message) {
        EntityManager em = tenant.em();
        Student student = tenant.require(Student.class, studentId, "studentId");
        String text = Require.text("message", message, StudentNote.MAX_LENGTH);
        boolean queued = mails.enqueueNudge(student, text, clock.instant());
        if (queued) {
            em.persist(new StudentNote(student, Actor.of(context), "Nudged by email: " + text, clock.instant()));
        }
        LOG.log(Level.INFO, "Nudge for student {0}: {1}", new Object[]{studentId, queued ? "queued" : "already sent today"});
        return queued;
    }

    /** Keeps a note about the student, for the staff who look after them. */
    public StudentTimeline.Note addNote(long studentId, String text) {
        EntityManager em = tenant.em();
        Student student = tenant.require(Student.class, studentId, "studentId");
        StudentNote note = new StudentNote(student, Actor.of(context), text, clock.instant());
        em.persist(note);
        return new StudentTimeline.Note(note.getAuthor(), note.getText(), note.getWrittenAt(), tenant.zone());
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
