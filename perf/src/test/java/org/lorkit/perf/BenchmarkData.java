package org.lorkit.perf;

import org.flywaydb.core.Flyway;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.letter.LetterValue;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.infrastructure.persistence.SchemaMigrator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a PostgreSQL database with benchmark data: 5 agencies, each with 50,000 students, 120,000 rotations
 * and 200,000 letter requests in every state over a year of dates, with their events and outbox rows (times
 * {@code --scale}). Deterministic for a seed; loads with COPY. The database is wiped first (Flyway clean, then
 * migrate), so it refuses any database whose name does not contain "bench".
 * <pre>
 * ./mvnw -q -pl perf test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.lorkit.perf.BenchmarkData \
 *     -Dexec.args="--url jdbc:postgresql://127.0.0.1:5432/lorkit_bench --scale 1"
 * </pre>
 */
public final class BenchmarkData {
    static final int AGENCIES = 5;
    static final int STUDENTS = 50_000;
    static final int ROTATIONS = 120_000;
    /**
     * The benchmark agencies' time zone, and the calendar the data's dates are counted on: LorKit counts "today" in the
     * agency's zone, so data dated by another calendar is a day off for part of each day (00:00 to 05:00 UTC here).
     */
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    static final int REQUESTS = 200_000;
    static final int ATTENDINGS = 5_000;
    static final int COHORTS = 8;
    private static final int CHUNK = 20_000;
    /** Ids far above what the application's sequence hands out while the data is loaded. */
    private static final long FIRST_ID = 1_000_000L;

    private static final Specialty[] COHORT_TARGETS = {Specialty.INTERNAL_MEDICINE, Specialty.FAMILY_MEDICINE, Specialty.PEDIATRICS,
            Specialty.PSYCHIATRY, Specialty.NEUROLOGY, Specialty.GENERAL_SURGERY, Specialty.EMERGENCY_MEDICINE, Specialty.INTERNAL_MEDICINE};
    /** Planned submit dates relative to today: some cohorts submit soon (their students may be at risk), most later. */
    private static final int[] SUBMIT_IN_DAYS = {12, 25, 45, 80, 120, 200, 300, 365};
    /** Where letter requests end up, and how often (out of 100). */
    private static final LetterState[] STATE_MIX = weighted(
            LetterState.PLANNED, 6, LetterState.ASKED, 6, LetterState.STRONG_YES, 5, LetterState.LUKEWARM, 6, LetterState.DECLINED, 5,
            LetterState.KIT_SENT, 14, LetterState.CONFIRMED, 12, LetterState.REMINDED_1, 6, LetterState.REMINDED_2, 4,
            LetterState.NOT_COMING, 4, LetterState.SUBMITTED, 28, LetterState.WITHDRAWN, 4);

    private final Connection db;
    private final CopyManager copy;
    private final Random random;
    private final double scale;
    private final LocalDate today;
    private long nextId = FIRST_ID;
    private long rows;

    BenchmarkData(Connection db, long seed, double scale, LocalDate today) throws SQLException {
        this.db = db;
        this.copy = db.unwrap(PGConnection.class).getCopyAPI();
        this.random = new Random(seed);
        this.scale = scale;
        this.today = today;
    }

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", "jdbc:postgresql://127.0.0.1:5432/lorkit_bench");
        String user = option(args, "--user", "postgres");
        String password = option(args, "--password", "postgres");
        double scale = Double.parseDouble(option(args, "--scale", "1"));
        long seed = Long.parseLong(option(args, "--seed", "20261127"));
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        if (!database.contains("bench")) {
            throw new IllegalArgumentException("Refusing to wipe database '" + database + "': its name must contain 'bench'");
        }
        createDatabaseIfMissing(url, database, user, password);
        Instant start = Instant.now();
        Flyway flyway = Flyway.configure(BenchmarkData.class.getClassLoader()).dataSource(url, user, password)
                .placeholders(SchemaMigrator.placeholders("PostgreSQL")).cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            BenchmarkData data = new BenchmarkData(db, seed, scale, LocalDate.now(ZONE));
            data.load();
            System.out.printf("Loaded %,d rows for %d agencies (scale %s, seed %d) in %d s%n", data.rows, AGENCIES, scale, seed,
                    Duration.between(start, Instant.now()).toSeconds());
        }
    }

    void load() throws SQLException, IOException {
        for (int agency = 1; agency <= AGENCIES; agency++) {
            loadAgency(agency);
        }
        try (Statement statement = db.createStatement()) {
            // The application's own ids continue above the loaded ones; the planner gets fresh statistics.
            statement.execute("SELECT setval('lorkit_seq', " + (nextId + 1000) + ")");
            statement.execute("ANALYZE");
        }
    }

    private void loadAgency(int number) throws SQLException, IOException {
        long agencyId = id();
        String slug = "bench-" + number;
        copyRows("agency (id, version, slug, name, sender_name, reply_to, time_zone, created_at)",
                new ArrayList<>(List.of(csv(agencyId, 1, slug, "Benchmark Agency " + number, "Benchmark Agency " + number, "team@" + slug + ".example",
                        ZONE.getId(), ts(today.minusYears(1))))));

        long[] cohorts = new long[COHORTS];
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < COHORTS; c++) {
            cohorts[c] = id();
            LocalDate submit = today.plusDays(SUBMIT_IN_DAYS[c]);
            lines.add(csv(cohorts[c], agencyId, 1, COHORT_TARGETS[c].label() + " - cohort " + (c + 1), submit.getYear() + 1,
                    COHORT_TARGETS[c].name(), submit.minusMonths(3), submit, submit.plusDays(7), false));
        }
        copyRows("cohort (id, agency_id, version, name, match_year, target_specialty, eras_opens_on, planned_submit_on, programs_review_on, archived)", lines);

        int students = scaled(STUDENTS);
        long[] studentIds = new long[students];
        int[] studentCohort = new int[students];
        List<String> studentLines = new ArrayList<>();
        List<String> targetLines = new ArrayList<>();
        for (int s = 0; s < students; s++) {
            studentIds[s] = id();
            studentCohort[s] = random.nextInt(COHORTS);
            studentLines.add(csv(studentIds[s], agencyId, 1, cohorts[studentCohort[s]], "Student " + number + "-" + s,
                    "student" + s + "@" + slug + ".example", "Medical School " + random.nextInt(300), "Country " + random.nextInt(60),
                    String.format("%08d", 10_000_000 + random.nextInt(89_999_999))));
            targetLines.add(csv(studentIds[s], 0, COHORT_TARGETS[studentCohort[s]].name()));
            flushIfFull("student (id, agency_id, version, cohort_id, full_name, email, medical_school, country, eras_aamc_id)", studentLines);
        }
        copyRows("student (id, agency_id, version, cohort_id, full_name, email, medical_school, country, eras_aamc_id)", studentLines);
        copyRows("student_target_specialty (student_id, preference, specialty)", targetLines);

        int attendings = Math.max(10, scaled(ATTENDINGS));
        long[] attendingIds = new long[attendings];
        Specialty[] attendingSpecialty = new Specialty[attendings];
        AttendingTitle[] attendingTitle = new AttendingTitle[attendings];
        boolean[] attendingUs = new boolean[attendings];
        lines = new ArrayList<>();
        Specialty[] all = Specialty.values();
        for (int a = 0; a < attendings; a++) {
            attendingIds[a] = id();
            attendingSpecialty[a] = all[random.nextInt(all.length)];
            int t = random.nextInt(20);
            attendingTitle[a] = t == 0 ? AttendingTitle.PROGRAM_DIRECTOR : t == 1 ? AttendingTitle.DEPARTMENT_HEAD : AttendingTitle.ATTENDING;
            attendingUs[a] = random.nextInt(10) != 0;
            lines.add(csv(attendingIds[a], agencyId, 1, "Dr. Writer " + number + "-" + a, "writer" + a + "@" + slug + "-hospital.example",
                    attendingTitle[a].name(), attendingSpecialty[a].name(), attendingUs[a], "Hospital " + random.nextInt(400)));
        }
        copyRows("attending (id, agency_id, version, full_name, email, title, specialty, us_based, institution)", lines);

        int rotations = scaled(ROTATIONS);
        long[] rotationIds = new long[rotations];
        int[] rotationStudent = new int[rotations];
        int[] rotationAttending = new int[rotations];
        LocalDate[] rotationEnd = new LocalDate[rotations];
        List<String> rotationLines = new ArrayList<>();
        List<String> supervisionLines = new ArrayList<>();
        for (int r = 0; r < rotations; r++) {
            rotationIds[r] = id();
            rotationStudent[r] = r % students;
            rotationAttending[r] = random.nextInt(attendings);
            rotationEnd[r] = today.minusDays(random.nextInt(395)).plusDays(30);
            Specialty specialty = attendingSpecialty[rotationAttending[r]];
            rotationLines.add(csv(rotationIds[r], agencyId, 1, studentIds[rotationStudent[r]], "Hospital " + random.nextInt(400),
                    specialty.name(), random.nextBoolean() ? "INPATIENT" : "OUTPATIENT", random.nextInt(5) == 0 ? "OBSERVERSHIP" : "HANDS_ON",
                    random.nextBoolean(), rotationEnd[r].minusDays(27), rotationEnd[r]));
            supervisionLines.add(csv(id(), agencyId, 1, rotationIds[r], attendingIds[rotationAttending[r]], 5 + random.nextInt(24)));
            flushIfFull("rotation (id, agency_id, version, student_id, site, specialty, setting, kind, academic_affiliated, start_date, end_date)", rotationLines);
        }
        copyRows("rotation (id, agency_id, version, student_id, site, specialty, setting, kind, academic_affiliated, start_date, end_date)", rotationLines);
        copyRows("supervision (id, agency_id, version, rotation_id, attending_id, contact_days)", supervisionLines);

        String requestColumns = "letter_request (id, agency_id, version, student_id, attending_id, rotation_id, specialty, state, value_rank, "
                + "offered_unprompted, deadline, asked_on, kit_sent_on, last_reminder_on, reminders_sent, created_at, state_changed_at, "
                + "writer_reported_on, eras_received_on, writer_confirmed_on, writer_mail_problem, reached_states)";
        String eventColumns = "letter_request_event (id, agency_id, version, letter_request_id, from_state, to_state, actor, reason, occurred_at)";
        String outboxColumns = "outbox_email (id, agency_id, version, dedup_key, kind, letter_request_id, to_address, reply_to, subject, "
                + "body_text, status, attempts, due_at, sent_at, message_id, recipient_role)";
        List<String> requestLines = new ArrayList<>();
        List<String> eventLines = new ArrayList<>();
        List<String> outboxLines = new ArrayList<>();
        // Rotations by the day they end (days before today), so a request can be asked in its rotation's ideal window.
        List<List<Integer>> endingDaysAgo = new ArrayList<>();
        for (int d = 0; d <= 400; d++) {
            endingDaysAgo.add(new ArrayList<>());
        }
        for (int r = 0; r < rotations; r++) {
            long ago = java.time.temporal.ChronoUnit.DAYS.between(rotationEnd[r], today);
            if (ago >= 0 && ago <= 400) {
                endingDaysAgo.get((int) ago).add(r);
            }
        }
        int requests = scaled(REQUESTS);
        for (int q = 0; q < requests; q++) {
            LetterState state = STATE_MIX[random.nextInt(STATE_MIX.length)];
            // The day it was asked, as the daily reminder sweep would have left it: a request still waiting for its
            // letter had its kit recently (older ones were reminded or given up), a closed one any time this year.
            int askedAgo = switch (state) {
                case PLANNED -> -random.nextInt(10);
                case ASKED, STRONG_YES -> random.nextInt(4);
                // The oldest day of each range is due today: what one daily sweep finds to do.
                case KIT_SENT, CONFIRMED -> 1 + random.nextInt(15);
                case REMINDED_1 -> 15 + random.nextInt(11);
                case REMINDED_2 -> 25 + random.nextInt(8);
                case NOT_COMING -> 33 + random.nextInt(300);
                case SUBMITTED -> 31 + random.nextInt(300);
                default -> 5 + random.nextInt(330);
            };
            LocalDate asked = today.minusDays(askedAgo);
            // Asked in the rotation's last days (one in ten later: an ask outside the window).
            int endAgo = Math.max(0, askedAgo - random.nextInt(5) - (random.nextInt(10) == 0 ? 40 : 0));
            List<Integer> candidates = endingDaysAgo.get(Math.min(400, endAgo));
            int r = candidates.isEmpty() ? q % rotations : candidates.get(random.nextInt(candidates.size()));
            // A second request on a rotation goes to another writer: the same writer twice is refused by the application.
            int attending = random.nextInt(3) != 0 ? rotationAttending[r] : (rotationAttending[r] + 1 + random.nextInt(attendings - 1)) % attendings;
            int student = rotationStudent[r];
            Specialty target = COHORT_TARGETS[studentCohort[student]];
            long requestId = id();
            LocalDate planned = asked.minusDays(2);
            LocalDate kit = asked.plusDays(1);
            LocalDate deadline = kit.plusDays(24);
            List<LetterState> path = pathTo(state);
            LocalDate changed = planned;
            LocalDate lastReminder = null;
            int reminders = 0;
            LetterState from = null;
            long reached = 0;
            for (LetterState to : path) {
                reached |= to.bit();
                LocalDate on = switch (to) {
                    case PLANNED -> planned;
                    case ASKED, LUKEWARM, DECLINED, STRONG_YES -> asked;
                    case KIT_SENT -> kit;
                    case CONFIRMED -> kit.plusDays(1);
                    case REMINDED_1 -> kit.plusDays(14);
                    case REMINDED_2 -> kit.plusDays(24);
                    case NOT_COMING -> kit.plusDays(31);
                    case SUBMITTED -> kit.plusDays(3 + random.nextInt(25));
                    case WITHDRAWN -> changed.plusDays(3);
                };
                if (to == LetterState.REMINDED_1 || to == LetterState.REMINDED_2) {
                    reminders++;
                    lastReminder = on;
                }
                eventLines.add(csv(id(), agencyId, 1, requestId, from == null ? null : from.name(), to.name(), "bench", null, ts(on)));
                from = to;
                changed = on;
            }
            boolean kitSent = path.contains(LetterState.KIT_SENT);
            boolean submitted = state == LetterState.SUBMITTED;
            int valueRank = LetterValue.rank(attendingUs[attending], attendingTitle[attending], attendingSpecialty[attending], true, target).rank();
            requestLines.add(csv(requestId, agencyId, 1, studentIds[student], attendingIds[attending], rotationIds[r],
                    attendingSpecialty[attending].name(), state.name(), valueRank, false, kitSent ? deadline : null,
                    path.contains(LetterState.ASKED) || path.contains(LetterState.STRONG_YES) ? asked : null, kitSent ? kit : null,
                    lastReminder, reminders, ts(planned), ts(changed), submitted ? changed : null,
                    submitted && random.nextInt(10) != 0 ? changed.plusDays(1) : null,
                    path.contains(LetterState.CONFIRMED) ? kit.plusDays(1) : null, kitSent && random.nextInt(100) == 0 ? "BOUNCED" : null, reached));
            if (kitSent) {
                String to = "writer" + attending + "@" + slug + "-hospital.example";
                outboxLines.add(csv(id(), agencyId, 1, requestId + ":KIT:" + kit, "KIT", requestId, to, "student" + student + "@" + slug + ".example",
                        "Letter of recommendation request", "[sent]", "SENT", 1, ts(kit), ts(kit), "<bench-" + requestId + "@lorkit>", "ATTENDING"));
            }
            if (requestLines.size() >= CHUNK) {
                // Requests first: their events and emails refer to them.
                copyRows(requestColumns, requestLines);
                copyRows(eventColumns, eventLines);
                copyRows(outboxColumns, outboxLines);
            }
        }
        copyRows(requestColumns, requestLines);
        copyRows(eventColumns, eventLines);
        copyRows(outboxColumns, outboxLines);
    }

    /** The states a request passes through on its way to {@code state}, as the state machine allows. */
    static List<LetterState> pathTo(LetterState state) {
        return switch (state) {
            case PLANNED -> List.of(LetterState.PLANNED);
            case ASKED -> List.of(LetterState.PLANNED, LetterState.ASKED);
            case STRONG_YES -> List.of(LetterState.PLANNED, LetterState.ASKED, LetterState.STRONG_YES);
            case LUKEWARM -> List.of(LetterState.PLANNED, LetterState.ASKED, LetterState.LUKEWARM);
            case DECLINED -> List.of(LetterState.PLANNED, LetterState.ASKED, LetterState.DECLINED);
            case KIT_SENT -> List.of(LetterState.PLANNED, LetterState.ASKED, LetterState.STRONG_YES, LetterState.KIT_SENT);
            case CONFIRMED -> List.of(LetterState.PLANNED, LetterState.ASKED, LetterState.STRONG_YES, LetterState.KIT_SENT, LetterState.CONFIRMED);
            case REMINDED_1 -> List.of(LetterState.PLANNED, LetterState.ASKED, LetterState.STRONG_YES, LetterState.KIT_SENT, LetterState.REMINDED_1);
            case REMINDED_2 -> List.of(LetterState.PLANNED, LetterState.ASKED, LetterState.STRONG_YES, LetterState.KIT_SENT, LetterState.REMINDED_1,
                    LetterState.REMINDED_2);
            case NOT_COMING -> List.of(LetterState.PLANNED, LetterState.ASKED, LetterState.STRONG_YES, LetterState.KIT_SENT, LetterState.REMINDED_1,
                    LetterState.REMINDED_2, LetterState.NOT_COMING);
            case SUBMITTED -> List.of(LetterState.PLANNED, LetterState.ASKED, LetterState.STRONG_YES, LetterState.KIT_SENT, LetterState.CONFIRMED,
                    LetterState.SUBMITTED);
            case WITHDRAWN -> List.of(LetterState.PLANNED, LetterState.WITHDRAWN);
        };
    }

    private void flushIfFull(String table, List<String> lines) throws SQLException, IOException {
        if (lines.size() >= CHUNK) {
            copyRows(table, lines);
        }
    }

    private void copyRows(String table, List<String> lines) throws SQLException, IOException {
        if (lines.isEmpty()) {
            return;
        }
        String body = String.join("\n", lines) + "\n";
        rows += copy.copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, NULL '\\N')", new StringReader(body));
        lines.clear();
    }

    private long id() {
        return nextId++;
    }

    private int scaled(int full) {
        return Math.max(1, (int) Math.round(full * scale));
    }

    private static String ts(LocalDate day) {
        return day + " 12:00:00";
    }

    /** One CSV line: nulls as \N, text quoted when it needs to be. */
    static String csv(Object... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values[i];
            if (value == null) {
                line.append("\\N");
            } else {
                String text = value.toString();
                boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.startsWith("\\");
                line.append(quote ? '"' + text.replace("\"", "\"\"") + '"' : text);
            }
        }
        return line.toString();
    }

    private static LetterState[] weighted(Object... stateThenWeight) {
        List<LetterState> states = new ArrayList<>();
        for (int i = 0; i < stateThenWeight.length; i += 2) {
            for (int n = 0; n < (Integer) stateThenWeight[i + 1]; n++) {
                states.add((LetterState) stateThenWeight[i]);
            }
        }
        return states.toArray(LetterState[]::new);
    }

    private static void createDatabaseIfMissing(String url, String database, String user, String password) throws SQLException {
        String server = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection admin = DriverManager.getConnection(server, user, password);
             Statement statement = admin.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "") + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
            }
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
