package org.lorkit.application.dashboard;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lorkit.application.Actor;
import org.lorkit.application.Roles;
import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.mail.LetterMails;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterRequestEvent;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.student.Student;
import org.lorkit.domain.student.StudentNote;
import org.lorkit.infrastructure.persistence.Finder;
import org.lorkit.infrastructure.tenancy.TenantEntityManager;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** A student submitting within this many days with fewer than 2 strong letters is at risk. */
    public static final int AT_RISK_HORIZON_DAYS = 30;
    private static final int EXPORT_LIMIT = 100_000;

    @Inject
    TenantEntityManager tenant;
    @Inject
    Clock clock;
    @Inject
    LetterMails mails;
    @Resource
    SessionContext context;

    /** Headline figures, letters by state and the funnel: two statements. */
    public DashboardFigures figures(Long cohortId) {
        EntityManager em = tenant.get();
        long agency = tenant.agencyId();
        LocalDate today = LocalDate.now(clock);

        DashboardSql counts = DashboardSql.withStanding(agency, cohortId, today, AT_RISK_HORIZON_DAYS);
        counts.append("SELECT 'S', standing, COUNT(*) FROM standing GROUP BY standing UNION ALL "
                + "SELECT 'L', r.state, COUNT(*) FROM letter_request r JOIN scope s ON s.student_id = r.student_id "
                + "WHERE r.agency_id = " + DashboardSql.lit(agency) + " GROUP BY r.state");
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
        return new DashboardFigures(students, standings, letters, funnel(em, agency, cohortId, today));
    }

    /**
     * From rotation to uploaded letter: rotations, rotations with a feedback check, then letter requests that
     * were ever asked (or offered), said a real yes, got the kit, were confirmed (or uploaded), were uploaded.
     */
    private List<DashboardFigures.FunnelStage> funnel(EntityManager em, long agency, Long cohortId, LocalDate today) {
        DashboardSql q = DashboardSql.withStanding(agency, cohortId, today, AT_RISK_HORIZON_DAYS);
        q.append("SELECT (SELECT COUNT(*) FROM rotation ro JOIN scope s ON s.student_id = ro.student_id WHERE ro.agency_id = " + DashboardSql.lit(agency) + "), "
                + "(SELECT COUNT(DISTINCT f.rotation_id) FROM feedback_check f JOIN rotation ro ON ro.id = f.rotation_id "
                + "AND ro.agency_id = " + DashboardSql.lit(agency) + " JOIN scope s ON s.student_id = ro.student_id WHERE f.agency_id = " + DashboardSql.lit(agency) + "), ");
        q.append("(SELECT COUNT(DISTINCT e.letter_request_id) " + inScope(q, agency) + " AND e.to_state IN ('ASKED', 'STRONG_YES')), ");
        q.append("(SELECT COUNT(DISTINCT e.letter_request_id) " + inScope(q, agency) + " AND e.to_state = 'STRONG_YES'), ");
        q.append("(SELECT COUNT(DISTINCT e.letter_request_id) " + inScope(q, agency) + " AND e.to_state = 'KIT_SENT'), ");
        q.append("(SELECT COUNT(DISTINCT e.letter_request_id) " + inScope(q, agency) + " AND e.to_state IN ('CONFIRMED', 'SUBMITTED')), ");
        q.append("(SELECT COUNT(DISTINCT e.letter_request_id) " + inScope(q, agency) + " AND e.to_state = 'SUBMITTED')");
        Object[] row = (Object[]) q.query(em).getSingleResult();
        String[] labels = {"Rotations", "Feedback checked", "Asked", "Said a strong yes", "Kit sent", "Confirmed", "Uploaded to ERAS"};
        List<DashboardFigures.FunnelStage> stages = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            stages.add(new DashboardFigures.FunnelStage(labels[i], ((Number) row[i]).longValue()));
        }
        return stages;
    }

    private static String inScope(DashboardSql q, long agency) {
        return "FROM letter_request_event e JOIN letter_request r ON r.id = e.letter_request_id "
                + "AND r.agency_id = " + DashboardSql.lit(agency) + " JOIN scope s ON s.student_id = r.student_id WHERE e.agency_id = " + DashboardSql.lit(agency);
    }

    /** A page of the students behind a figure, sorted and filtered in the database: two statements. */
    public StudentPage students(@NotNull @Valid StudentQuery query) {
        EntityManager em = tenant.get();
        long agency = tenant.agencyId();
        LocalDate today = LocalDate.now(clock);

        DashboardSql count = DashboardSql.withStanding(agency, query.cohortId(), today, AT_RISK_HORIZON_DAYS);
        count.append("SELECT COUNT(*) FROM standing ");
        count.where(agency, query);
        long total = ((Number) count.query(em).getSingleResult()).longValue();

        List<StudentStanding> rows = total == 0 ? List.of() : rows(em, agency, query, today, query.first(), query.pageSize());
        return new StudentPage(rows, total, today, AT_RISK_HORIZON_DAYS);
    }

    private static List<StudentStanding> rows(EntityManager em, long agency, StudentQuery query, LocalDate today, int first, int size) {
        DashboardSql page = DashboardSql.withStanding(agency, query.cohortId(), today, AT_RISK_HORIZON_DAYS);
        page.append("SELECT student_id, full_name, email, cohort_name, submit_on, secured, strong, overdue, not_coming, bounced, "
                + "mismatches, outside_window, standing FROM standing ");
        page.where(agency, query);
        page.orderBy(query);
        page.append(" LIMIT " + page.p(size) + " OFFSET " + page.p(first));
        List<StudentStanding> rows = new ArrayList<>();
        for (Object row : page.query(em).getResultList()) {
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
    public String exportCsv(@NotNull @Valid StudentQuery query) {
        EntityManager em = tenant.get();
        long agency = tenant.agencyId();
        LocalDate today = LocalDate.now(clock);
        List<StudentStanding> rows = rows(em, agency, query, today, 0, EXPORT_LIMIT);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("student", "email", "cohort", "planned submit", "strong letters", "in ERAS", "standing", "reasons").get())) {
            for (StudentStanding row : rows) {
                csv.printRecord(safe(row.name()), safe(row.email()), safe(row.cohort()), row.submitOn(), row.strongLetters(),
                        row.securedLetters(), row.standing().label(), String.join("; ", row.reasons(today, AT_RISK_HORIZON_DAYS)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
    static String safe(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** Everything about one student: requests with their events (three statements), and staff's notes. */
    public StudentTimeline timeline(long studentId) {
        EntityManager em = tenant.get();
        Student student = Finder.require(em, Student.class, studentId, "studentId");
        List<LetterRequest> requests = em.createQuery("select r from LetterRequest r join fetch r.attending join fetch r.rotation "
                + "where r.student = :student order by r.createdAt, r.id", LetterRequest.class).setParameter("student", student).getResultList();
        Map<Long, List<LetterEventView>> events = new LinkedHashMap<>();
        if (!requests.isEmpty()) {
            for (LetterRequestEvent e : em.createQuery("select e from LetterRequestEvent e where e.request.student = :student "
                    + "order by e.occurredAt, e.id", LetterRequestEvent.class).setParameter("student", student).getResultList()) {
                events.computeIfAbsent(e.getRequest().getId(), id -> new ArrayList<>()).add(LetterEventView.of(e));
            }
        }
        List<StudentTimeline.Letter> letters = requests.stream()
                .map(r -> new StudentTimeline.Letter(LetterRequestView.of(r), events.getOrDefault(r.getId(), List.of()))).toList();
        List<StudentTimeline.Note> notes = em.createNamedQuery("StudentNote.findByStudent", StudentNote.class)
                .setParameter("student", student).getResultList().stream()
                .map(n -> new StudentTimeline.Note(n.getAuthor(), n.getText(), n.getWrittenAt())).toList();
        return new StudentTimeline(student.getId(), student.getFullName(), student.getEmail(), student.getCohort().getName(),
                student.effectivePlannedSubmitOn(), letters, notes);
    }

    /**
     * Emails the student staff's words through the outbox. One nudge a day per student: returns false when
     * one already went today (nothing more is sent).
     */
    public boolean nudge(long studentId, String message) {
        EntityManager em = tenant.get();
        Student student = Finder.require(em, Student.class, studentId, "studentId");
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
        EntityManager em = tenant.get();
        Student student = Finder.require(em, Student.class, studentId, "studentId");
        StudentNote note = new StudentNote(student, Actor.of(context), text, clock.instant());
        em.persist(note);
        return new StudentTimeline.Note(note.getAuthor(), note.getText(), note.getWrittenAt());
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
