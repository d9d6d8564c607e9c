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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The completion dashboard of a cohort or the whole agency. Its figures are one aggregate statement over the scope's
 * kept standing rows and a page of students two more, whatever the number of students and letters (see DashboardSql,
 * StandingRows); what staff do from it
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
    StandingRows rows;
    @Inject
    WriterChoices writers;
    @Inject
    org.lorkit.infrastructure.metrics.Meters meters;
    @Resource
    SessionContext context;

    /**
     * Headline figures, letters by state and the funnel: one statement over the scope's kept rows (student_standing),
     * which also says whether some of the agency's rows are due to be counted again for today (then they are, and the
     * figures are read again: see {@link #current}).
     */
    public DashboardFigures figures(Long cohortId) {
        long agency = tenant.agencyId();
        LocalDate today = tenant.today();
        AgencyRules rules = rules();
        DashboardFigures read = meters.dashboard("figures", () -> current(db -> DashboardReads.read(db, DashboardReads.From.KEPT_ROWS, agency,
                cohortId, today, rules, null)));
        // As of now, however long a recheck of due rows took.
        return new DashboardFigures(read.students(), read.standings(), read.letters(), read.funnel(), clock.instant());
    }

    /** A student submitting within this many days with fewer than 2 strong letters is at risk: the agency's number. */
    public int atRiskHorizonDays() {
        return rules().atRiskHorizonDays();
    }

    private AgencyRules rules() {
        return tenant.agency().getRules();
    }

    /**
     * A read of the kept rows that is right for today: the read says whether any of the agency's rows were due to be
     * counted again (a deadline passed since, an agency never counted in full); normally none are, once the day's sweep
     * has run, and the read is all it costs. Otherwise they are counted again (StandingRows.ensureCurrent) and it reads again.
     */
    private <T> T current(java.util.function.Function<DashboardReads.Runner, DashboardReads.Read<T>> read) {
        DashboardReads.Runner db = DashboardReads.over(tenant.em());
        DashboardReads.Read<T> first = read.apply(db);
        if (!first.due()) {
            return first.value();
        }
        rows.ensureCurrent();
        return read.apply(db).value();
    }

    /**
     * The statements one dashboard view runs (figures, the count and the first page of a query) over the kept rows, as
     * SQL text and parameters, by the agency's rules: what the benchmark runs over plain JDBC to compare with the
     * service (DashboardReads.statementsOf has the from-scratch ones too).
     */
    public static List<DashboardSql.Statement> statementsOf(long agency, StudentQuery query, LocalDate today, AgencyRules rules) {
        return DashboardReads.statementsOf(DashboardReads.From.KEPT_ROWS, agency, query, today, rules);
    }

    /** How many students a query selects: one statement over the kept rows (the table asks for its size before its first page). */
    public long countStudents(@NotNull @Valid StudentQuery query) {
        long agency = tenant.agencyId();
        LocalDate today = tenant.today();
        AgencyRules rules = rules();
        return meters.dashboard("students", () -> current(db -> DashboardReads.counted(db, DashboardReads.From.KEPT_ROWS, agency,
                query.forCount(), today, rules)));
    }

    /**
     * A page of the students behind a figure, sorted and filtered in the database over the kept rows: one statement, the
     * page with the count beside each row (and whether rows were due, as the figures say); a page with no rows asks the
     * count alone.
     */
    public StudentPage students(@NotNull @Valid StudentQuery query) {
        long agency = tenant.agencyId();
        LocalDate today = tenant.today();
        AgencyRules rules = rules();
        return meters.dashboard("students", () -> {
            DashboardReads.Paged paged = current(db -> DashboardReads.paged(db, agency, query, today, rules));
            return new StudentPage(paged.rows(), paged.total(), today, rules.atRiskHorizonDays());
        });
    }

    /** A page of students with the reasons each is at risk, and how many there are in all. */
    public record StudentPage(List<StudentStanding> rows, long total, LocalDate today, int horizonDays) implements java.io.Serializable {
        public List<String> reasons(StudentStanding row) {
            return row.reasons(today, horizonDays);
        }
    }

    /** The same students as the table shows, every page of them, as CSV (the columns of the table). */
    public CsvExport.File exportCsv(@NotNull @Valid StudentQuery query) {
        LocalDate today = tenant.today();
        AgencyRules rules = rules();
        this.rows.ensureCurrent();
        List<StudentStanding> rows = DashboardReads.rows(DashboardReads.over(tenant.em()), DashboardReads.From.KEPT_ROWS, tenant.agencyId(), query,
                today, rules, 0, EXPORT_LIMIT);
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
}
