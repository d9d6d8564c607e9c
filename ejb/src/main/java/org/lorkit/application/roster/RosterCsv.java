package org.lorkit.application.roster;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.lorkit.application.roster.RosterPlan.PlannedAttending;
import org.lorkit.application.roster.RosterPlan.PlannedRotation;
import org.lorkit.application.roster.RosterPlan.PlannedStudent;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a roster file and checks every row, without touching the database: what the agency already has
 * comes in a {@link RosterDirectory}. The rules are the domain's own: each new student, attending and
 * rotation is built with its real constructor, and what that refuses becomes a problem of the row, in
 * the file's column names. Only parsing (dates, yes/no, the enumerations) and what concerns several rows
 * (one email is one person; the same rotation twice) is checked here.
 */
public final class RosterCsv {
    /** The largest file accepted. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** The most rows (below the header) accepted in one file. */
    public static final int MAX_ROWS = 20_000;
    /** The column for problems that concern the whole row rather than one cell. */
    public static final String WHOLE_ROW = "row";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setIgnoreEmptyLines(true)
            .setTrim(true).setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY).get();

    private static final Map<String, String> STUDENT_FIELDS = Map.of("fullName", RosterColumns.STUDENT_NAME,
            "email", RosterColumns.STUDENT_EMAIL, "targetSpecialties", RosterColumns.TARGET_SPECIALTY,
            "medicalSchool", RosterColumns.MEDICAL_SCHOOL, "country", RosterColumns.COUNTRY, "cohort", RosterColumns.COHORT);
    private static final Map<String, String> ATTENDING_FIELDS = Map.of("fullName", RosterColumns.ATTENDING_NAME,
            "email", RosterColumns.ATTENDING_EMAIL, "title", RosterColumns.ATTENDING_TITLE,
            "specialty", RosterColumns.ATTENDING_SPECIALTY);
    private static final Map<String, String> ROTATION_FIELDS = Map.of("site", RosterColumns.SITE,
            "specialty", RosterColumns.ROTATION_SPECIALTY, "setting", RosterColumns.SETTING, "kind", RosterColumns.KIND,
            "startDate", RosterColumns.START_DATE, "endDate", RosterColumns.END_DATE, "student", RosterColumns.STUDENT_EMAIL,
            "attending", RosterColumns.ATTENDING_EMAIL, "contactDays", RosterColumns.CONTACT_DAYS);

    /** Stand-ins that let a rotation be checked when its student's or attending's own cells are wrong. */
    private static final Cohort SOME_COHORT = new Cohort("any", 2028, Specialty.INTERNAL_MEDICINE,
            new Cohort.CycleDates(null, LocalDate.of(2027, 9, 24), null));
    private static final Student SOME_STUDENT = new Student(SOME_COHORT, "any", "any@lorkit.invalid", List.of());
    private static final String STAND_IN_EMAIL = "any@lorkit.invalid";
    private static final Attending SOME_ATTENDING = new Attending("any", "any@lorkit.invalid", AttendingTitle.ATTENDING,
            Specialty.INTERNAL_MEDICINE, true, null);

    private final RosterDirectory directory;
    private final RosterPlan plan = new RosterPlan();
    private final Map<String, Seen> students = new HashMap<>();
    private final Map<String, Seen> attendings = new HashMap<>();
    private final Map<String, Long> rotations = new HashMap<>();

    /** The first row a person appeared on, and the name and cohort given there. */
    private record Seen(long line, String name, String nameKey, String cohort) {
    }

    private RosterCsv(RosterDirectory directory) {
        this.directory = directory;
    }

    /**
     * Reads and checks the file. A file that cannot be read as a roster at all (too big, not UTF-8, not
     * CSV, columns missing, no rows, too many rows) is refused with a {@link DomainException} on "file";
     * anything wrong in the rows is listed in the plan's problems.
     */
    public static RosterPlan read(byte[] content, RosterDirectory directory) {
        if (content == null || content.length == 0) {
            throw new DomainException("file", "Choose a CSV file first");
        }
        if (content.length > MAX_BYTES) {
            throw new DomainException("file", "The file is " + megabytes(content.length) + " MB; at most "
                    + megabytes(MAX_BYTES) + " MB is accepted. Split it into smaller files.");
        }
        return new RosterCsv(directory).readText(decode(content));
    }

    /**
     * Checks one student given by column ({@link RosterColumns#STUDENT_EMAIL}, {@link RosterColumns#STUDENT_NAME},
     * {@link RosterColumns#COHORT}, {@link RosterColumns#MEDICAL_SCHOOL}, {@link RosterColumns#COUNTRY},
     * {@link RosterColumns#TARGET_SPECIALTY}) by exactly the rules of a file's row: the API's way to enrol a student. The
     * plan's problems are on line 1; a valid new student is its one new student, an email the agency has is "reused".
     */
    public static RosterPlan checkStudent(Map<String, String> cells, RosterDirectory directory) {
        RosterCsv check = new RosterCsv(directory);
        check.plan.countRow();
        check.student(1, Cells.of(cells));
        return check.plan;
    }

    /**
     * Checks one rotation given by column (site, rotation_specialty, setting, kind, academic, start_date, end_date,
     * contact_days) of a student and attending the agency has, by the rules of a file's row, including "already stored"
     * against the directory's rotations. A valid one is the plan's one rotation.
     */
    public static RosterPlan checkRotation(Map<String, String> cells, String studentEmail, String attendingEmail,
                                           RosterDirectory directory) {
        RosterCsv check = new RosterCsv(directory);
        check.plan.countRow();
        check.rotation(1, Cells.of(cells), studentEmail, attendingEmail);
        return check.plan;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new DomainException("file", "The file is not UTF-8 text. Save it from your spreadsheet as \"CSV UTF-8\".");
        }
    }

    private RosterPlan readText(String text) {
        LineIndex lines = new LineIndex(text);
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get();
        } catch (IOException | UncheckedIOException e) {
            throw notCsv(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DomainException("file", "The header (line 1) cannot be read: " + e.getMessage());
        }
        try (parser) {
            checkHeader(parser.getHeaderNames());
            int columns = parser.getHeaderNames().size();
            for (CSVRecord record : parser) {
                plan.countRow();
                if (plan.rows() > MAX_ROWS) {
                    throw new DomainException("file", "The file has more than " + String.format(Locale.ROOT, "%,d", MAX_ROWS)
                            + " rows: split it into smaller files.");
                }
                checkRow(lines.lineOf(record.getCharacterPosition()), Cells.of(record), record.size(), columns);
            }
        } catch (IOException | UncheckedIOException e) {
            throw notCsv(e);
        }
        if (plan.rows() == 0) {
            throw new DomainException("file", "The file has a header but no rows.");
        }
        return plan;
    }

    private static DomainException notCsv(Exception e) {
        String reason = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return new DomainException("file", "The file is not valid CSV: " + reason
                + ". A value with a comma, a quote or a line break must be in double quotes.");
    }

    private static void checkHeader(List<String> header) {
        if (header.isEmpty()) {
            throw new DomainException("file", "The file is empty. Line 1 must be the header: " + String.join(",", RosterColumns.ALL));
        }
        Set<String> present = new TreeSet<>();
        header.forEach(h -> present.add(h.strip().toLowerCase(Locale.ROOT)));
        List<String> missing = RosterColumns.ALL.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new DomainException("file", "The header (line 1) lacks the column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + ". The sample file has every column.");
        }
    }

    private void checkRow(long line, Cells cells, int values, int columns) {
        if (values > columns) {
            problem(line, WHOLE_ROW, "The row has " + values + " values but the header has " + columns
                    + " columns: put a value that holds a comma in double quotes.");
        }
        String studentEmail = student(line, cells);
        String attendingEmail = attending(line, cells);
        rotation(line, cells, studentEmail, attendingEmail);
    }

    /** Checks the student's cells; returns the normalised email, or null when it is not valid. */
    private String student(long line, Cells cells) {
        String email = email(line, cells.get(RosterColumns.STUDENT_EMAIL), RosterColumns.STUDENT_EMAIL);
        String name = cells.get(RosterColumns.STUDENT_NAME);
        String cohortName = cells.get(RosterColumns.COHORT);
        Cohort cohort = cohort(line, cohortName);
        Seen seen = email == null ? null : students.get(email);
        if (seen != null) {
            samePerson(line, "student", email, seen, name, RosterColumns.STUDENT_NAME);
            if (cohortName != null && !RosterDirectory.nameKey(cohortName).equals(seen.cohort())) {
                problem(line, RosterColumns.COHORT, "The student " + email + " is in the cohort given on line " + seen.line()
                        + "; a student belongs to one cohort.");
            }
            return email;
        }
        String existingName = null;
        if (email != null) {
            students.put(email, new Seen(line, name, RosterDirectory.nameKey(name), RosterDirectory.nameKey(cohortName)));
            existingName = directory.studentNames().get(email);
        }
        if (existingName != null) {
            if (name == null) {
                problem(line, RosterColumns.STUDENT_NAME, "student_name is required");
            } else if (!RosterDirectory.nameKey(name).equals(RosterDirectory.nameKey(existingName))) {
                problem(line, RosterColumns.STUDENT_NAME, "The student " + email + " is already in your agency as \""
                        + existingName + "\", not \"" + name + "\".");
            }
            plan.reuseStudent(email);
            return email;
        }
        List<Specialty> targets = targetSpecialties(line, cells.get(RosterColumns.TARGET_SPECIALTY));
        try {
            // With a stand-in for what was already reported, so the rest of the student's cells are still checked.
            Student student = new Student(cohort == null ? SOME_COHORT : cohort, name, email == null ? STAND_IN_EMAIL : email,
                    targets == null ? List.of() : targets);
            student.describeBackground(cells.get(RosterColumns.MEDICAL_SCHOOL), cells.get(RosterColumns.COUNTRY));
            if (email != null && cohort != null && targets != null) {
                plan.addNewStudent(new PlannedStudent(line, student.getEmail(), student.getFullName(),
                        RosterDirectory.nameKey(cohortName), student.getMedicalSchool(), student.getCountry(),
                        targets.isEmpty() ? List.of() : student.getTargetSpecialties()));
            }
        } catch (DomainException e) {
            refused(line, e, STUDENT_FIELDS, RosterColumns.STUDENT_NAME);
        }
        return email;
    }

    private Cohort cohort(long line, String name) {
        if (name == null) {
            problem(line, RosterColumns.COHORT, "cohort is required: the name of one of your active cohorts");
            return null;
        }
        Cohort cohort = directory.activeCohorts().get(RosterDirectory.nameKey(name));
        if (cohort == null) {
            List<String> known = directory.activeCohorts().values().stream().map(Cohort::getName).sorted().limit(10).toList();
            problem(line, RosterColumns.COHORT, "No active cohort is named \"" + name + "\"."
                    + (known.isEmpty() ? " Create the cohort first." : " Active cohorts: " + String.join("; ", known) + "."));
        }
        return cohort;
    }

    /** Empty means "the cohort's"; null means a problem was reported. */
    private List<Specialty> targetSpecialties(long line, String text) {
        if (text == null) {
            return List.of();
        }
        List<Specialty> targets = new ArrayList<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                targets.add(Specialty.parse("targetSpecialties", part.strip()));
            } catch (DomainException e) {
                refused(line, e, STUDENT_FIELDS, RosterColumns.TARGET_SPECIALTY);
                return null;
            }
        }
        return targets;
    }

    private String attending(long line, Cells cells) {
        String email = email(line, cells.get(RosterColumns.ATTENDING_EMAIL), RosterColumns.ATTENDING_EMAIL);
        String name = cells.get(RosterColumns.ATTENDING_NAME);
        AttendingTitle title = title(line, cells.get(RosterColumns.ATTENDING_TITLE));
        Specialty specialty = specialty(line, cells.get(RosterColumns.ATTENDING_SPECIALTY), RosterColumns.ATTENDING_SPECIALTY);
        Boolean usBased = yesNo(line, cells.get(RosterColumns.ATTENDING_US), RosterColumns.ATTENDING_US);
        Seen seen = email == null ? null : attendings.get(email);
        if (seen != null) {
            samePerson(line, "attending", email, seen, name, RosterColumns.ATTENDING_NAME);
            return email;
        }
        String existingName = null;
        if (email != null) {
            attendings.put(email, new Seen(line, name, RosterDirectory.nameKey(name), null));
            existingName = directory.attendingNames().get(email);
        }
        if (existingName != null) {
            if (name == null) {
                problem(line, RosterColumns.ATTENDING_NAME, "attending_name is required");
            } else if (!RosterDirectory.nameKey(name).equals(RosterDirectory.nameKey(existingName))) {
                problem(line, RosterColumns.ATTENDING_NAME, "The attending " + email + " is already in your directory as \""
                        + existingName + "\", not \"" + name + "\".");
            }
            plan.reuseAttending(email);
            return email;
        }
        try {
            Attending attending = new Attending(name, email == null ? STAND_IN_EMAIL : email, title, specialty,
                    usBased != null && usBased, null);
            if (email != null && usBased != null) {
                plan.addNewAttending(new PlannedAttending(line, attending.getEmail(), attending.getFullName(),
                        attending.getTitle(), attending.getSpecialty(), attending.isUsBased()));
            }
        } catch (DomainException e) {
            // A title or specialty that could not be read was reported already; do not report it as missing too.
            String column = ATTENDING_FIELDS.getOrDefault(e.field(), RosterColumns.ATTENDING_NAME);
            boolean unreadable = column.equals(RosterColumns.ATTENDING_TITLE) && cells.get(RosterColumns.ATTENDING_TITLE) != null
                    || column.equals(RosterColumns.ATTENDING_SPECIALTY) && cells.get(RosterColumns.ATTENDING_SPECIALTY) != null;
            if (!unreadable) {
                refused(line, e, ATTENDING_FIELDS, RosterColumns.ATTENDING_NAME);
            }
        }
        return email;
    }

    private void samePerson(long line, String who, String email, Seen seen, String name, String column) {
        if (name == null) {
            problem(line, column, column + " is required");
        } else if (seen.name() != null && !RosterDirectory.nameKey(name).equals(seen.nameKey())) {
            problem(line, column, "The " + who + " " + email + " is named \"" + seen.name() + "\" on line " + seen.line()
                    + ", not \"" + name + "\": one email is one person.");
        }
    }

    private void rotation(long line, Cells cells, String studentEmail, String attendingEmail) {
        String site = cells.get(RosterColumns.SITE);
        String specialtyText = cells.get(RosterColumns.ROTATION_SPECIALTY);
        String settingText = cells.get(RosterColumns.SETTING);
        String kindText = cells.get(RosterColumns.KIND);
        String startText = cells.get(RosterColumns.START_DATE);
        String endText = cells.get(RosterColumns.END_DATE);
        Specialty specialty = specialty(line, specialtyText, RosterColumns.ROTATION_SPECIALTY);
        ClinicalSetting setting = choice(line, settingText, RosterColumns.SETTING, ClinicalSetting.class, "inpatient or outpatient");
        RotationKind kind = choice(line, kindText, RosterColumns.KIND, RotationKind.class, "hands-on, observership or research");
        Boolean academic = yesNo(line, cells.get(RosterColumns.ACADEMIC), RosterColumns.ACADEMIC);
        LocalDate start = date(line, startText, RosterColumns.START_DATE);
        LocalDate end = date(line, endText, RosterColumns.END_DATE);
        Integer contactDays = number(line, cells.get(RosterColumns.CONTACT_DAYS), RosterColumns.CONTACT_DAYS);

        // A cell that was filled but could not be read is reported above and replaced by a stand-in, so the
        // domain still checks the rest of the row; a blank cell is passed as null, for the domain's own
        // "is required".
        boolean specialtyBad = specialtyText != null && specialty == null;
        boolean settingBad = settingText != null && setting == null;
        boolean kindBad = kindText != null && kind == null;
        boolean startBad = startText != null && start == null;
        boolean endBad = endText != null && end == null;
        LocalDate someDate = start != null ? start : end != null ? end : LocalDate.of(2026, 1, 1);
        Rotation rotation;
        try {
            rotation = new Rotation(SOME_STUDENT, site, specialtyBad ? Specialty.INTERNAL_MEDICINE : specialty,
                    settingBad ? ClinicalSetting.INPATIENT : setting, kindBad ? RotationKind.HANDS_ON : kind,
                    Boolean.TRUE.equals(academic), startBad ? someDate : start, endBad ? someDate : end);
        } catch (DomainException e) {
            refused(line, e, ROTATION_FIELDS, RosterColumns.SITE);
            return;
        }
        if (contactDays != null) {
            try {
                rotation.addSupervisor(SOME_ATTENDING, contactDays);
            } catch (DomainException e) {
                if (!startBad && !endBad) {
                    refused(line, e, ROTATION_FIELDS, RosterColumns.CONTACT_DAYS);
                }
                return;
            }
        }
        boolean readable = !specialtyBad && !settingBad && !kindBad && !startBad && !endBad;
        if (studentEmail == null || attendingEmail == null || !readable) {
            return;
        }
        String key = RosterDirectory.rotationKey(studentEmail, rotation.getSite(), start, end, attendingEmail);
        Long first = rotations.putIfAbsent(key, line);
        if (first != null) {
            problem(line, WHOLE_ROW, "Duplicate of line " + first + ": the same student, site, dates and attending.");
        } else if (directory.existingRotations().contains(key)) {
            problem(line, WHOLE_ROW, "Already stored: " + studentEmail + " at " + rotation.getSite() + " from " + start
                    + " to " + end + " under " + attendingEmail + ". Was this file imported before?");
        } else if (contactDays != null && academic != null) {
            plan.addRotation(new PlannedRotation(line, studentEmail, rotation.getSite(), rotation.getSpecialty(),
                    rotation.getSetting(), rotation.getKind(), rotation.isAcademicAffiliated(), start, end, attendingEmail, contactDays));
        }
    }

    private String email(long line, String value, String column) {
        try {
            return Require.email("email", value);
        } catch (DomainException e) {
            refused(line, e, Map.of("email", column), column);
            return null;
        }
    }

    private Specialty specialty(long line, String value, String column) {
        if (value == null) {
            return null;
        }
        try {
            return Specialty.parse("specialty", value);
        } catch (DomainException e) {
            problem(line, column, rename(e.getMessage(), Map.of("specialty", column)));
            return null;
        }
    }

    private AttendingTitle title(long line, String value) {
        if (value == null) {
            return null;
        }
        AttendingTitle title = enumValue(value, AttendingTitle.class);
        if (title == null) {
            problem(line, RosterColumns.ATTENDING_TITLE, "attending_title must be attending, program director or department head, not \""
                    + value + "\"");
        }
        return title;
    }

    /**
     * An enumeration value written as a person would ("hands-on", "Program Director"). Blank gives null, for
     * the domain to say it is required; unreadable is reported and also gives null (the caller tells them
     * apart by whether the cell was blank).
     */
    private <E extends Enum<E>> E choice(long line, String value, String column, Class<E> type, String allowed) {
        if (value == null) {
            return null;
        }
        E parsed = enumValue(value, type);
        if (parsed == null) {
            problem(line, column, column + " must be " + allowed + ", not \"" + value + "\"");
        }
        return parsed;
    }

    private static <E extends Enum<E>> E enumValue(String value, Class<E> type) {
        String wanted = value.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(wanted)).findFirst().orElse(null);
    }

    private Boolean yesNo(long line, String value, String column) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "yes", "y", "true" -> Boolean.TRUE;
            case "no", "n", "false" -> Boolean.FALSE;
            default -> {
                problem(line, column, column + " must be yes or no" + (value == null ? "" : ", not \"" + value + "\""));
                yield null;
            }
        };
    }

    private LocalDate date(long line, String value, String column) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problem(line, column, column + " must be a date written yyyy-MM-dd, such as 2026-10-05, not \"" + value + "\"");
            return null;
        }
    }

    private Integer number(long line, String value, String column) {
        if (value == null) {
            problem(line, column, column + " is required: the days of meaningful contact with the attending");
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problem(line, column, column + " must be a whole number of days, not \"" + value + "\"");
            return null;
        }
    }

    private void refused(long line, DomainException e, Map<String, String> fields, String fallbackColumn) {
        String column = e.field() == null ? fallbackColumn : fields.getOrDefault(e.field(), fallbackColumn);
        problem(line, column, rename(e.getMessage(), fields));
    }

    private void problem(long line, String column, String message) {
        plan.problem(line, column, message);
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    /**
     * The domain names its fields as the code does ("endDate is before startDate"); the person reads the
     * file's columns ("end_date is before start_date"). A field in camel case is renamed wherever it occurs;
     * a plain word ("email") only as the message's first word, so "not a valid email address" stays English.
     */
    static String rename(String message, Map<String, String> fields) {
        Matcher words = WORD.matcher(message);
        StringBuilder out = new StringBuilder();
        boolean first = true;
        while (words.find()) {
            String word = words.group();
            String column = fields.get(word);
            boolean rename = column != null && (first || !word.equals(word.toLowerCase(Locale.ROOT)));
            words.appendReplacement(out, Matcher.quoteReplacement(rename ? column : word));
            first = false;
        }
        words.appendTail(out);
        return out.toString();
    }

    /** A row's cells by column name: stripped, blank as null. */
    @FunctionalInterface
    private interface Cells {
        String get(String column);

        /** A record's cells; a missing trailing cell reads as blank. */
        static Cells of(CSVRecord record) {
            return column -> {
                if (!record.isSet(column)) {
                    return null;
                }
                String value = record.get(column);
                return value == null || value.isBlank() ? null : value.strip();
            };
        }

        /** Cells given by name, as the API sends them (absent is blank). */
        static Cells of(Map<String, String> values) {
            return column -> {
                String value = values.get(column);
                return value == null || value.isBlank() ? null : value.strip();
            };
        }
    }

    /** Where each line starts, to turn a record's character position into the line an editor shows. */
    private static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            int[] found = new int[1024];
            int count = 0;
            found[count++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i + 1;
                }
            }
            starts = Arrays.copyOf(found, count);
        }

        long lineOf(long position) {
            int index = Arrays.binarySearch(starts, (int) position);
            return (index >= 0 ? index : -index - 2) + 1L;
        }
    }
}
