package org.lorkit.it.support;

import org.lorkit.application.roster.RosterColumns;
import org.lorkit.application.roster.RosterImportProgress;
import org.lorkit.application.roster.RosterImportService;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Roster CSV rows as staff upload them, and waiting for an import to finish (the roster, erasure and isolation tests). */
public final class RosterRows {
    private static final String HEADER = String.join(",", RosterColumns.ALL);

    private RosterRows() {
    }

    /**
     * One valid row: student {@code s}'s rotation number {@code n} (each 35 days after the last, so no two of a
     * student's rows are the same rotation) under attending {@code a}.
     */
    public static String row(String cohort, String prefix, int s, int n, int a) {
        LocalDate start = LocalDate.of(2025, 1, 6).plusDays(35L * n);
        return String.join(",", prefix + "student" + s + "@student.example", "Student " + s, cohort, "University of Lagos",
                "Nigeria", "Internal Medicine", "St. Mary's Medical Center", "Internal Medicine", "inpatient", "hands-on", "yes",
                start.toString(), start.plusDays(27).toString(), "Dr. Attending " + a, prefix + "attending" + a + "@hospital.example",
                "attending", "Internal Medicine", "yes", "14");
    }

    public static byte[] csv(List<String> rows) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        rows.forEach(r -> text.append(r).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String with(String row, String column, String value) {
        String[] cells = row.split(",", -1);
        cells[RosterColumns.ALL.indexOf(column)] = value;
        return String.join(",", cells);
    }

    /** Polls the import until it has finished, as the page does. */
    public static RosterImportProgress awaitFinished(As as, RosterImportService roster, long agency, String importId, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            RosterImportProgress progress = as.staff(agency, () -> roster.progress(importId));
            if (progress.finished()) {
                return progress;
            }
            assertThat(System.nanoTime()).as("the import finished within " + limit + "; last: " + progress).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
