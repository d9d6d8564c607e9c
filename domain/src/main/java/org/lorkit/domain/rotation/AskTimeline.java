package org.lorkit.domain.rotation;

import org.lorkit.domain.agency.AgencyRules;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The ask window drawn on a line from the first day of the rotation to the end of the late window:
 * on service (too early), ideal (the last days), acceptable (some weeks after, by email), late (to 60 days), by the
 * agency's numbers;
 * each segment's share of the line, and where today falls on it (null when off the line).
 */
public record AskTimeline(List<Segment> segments, Double todayPercent) implements Serializable {

    public record Segment(AskWindow.Phase phase, String label, LocalDate from, LocalDate to, double percent) implements Serializable {
    }

    public static AskTimeline of(LocalDate startDate, LocalDate endDate, LocalDate today, AgencyRules rules) {
        AskWindow window = AskWindow.of(startDate, endDate, today, rules);
        LocalDate lineEnd = endDate.plusDays(AskWindow.LATE_DAYS_AFTER_END);
        double span = ChronoUnit.DAYS.between(startDate, lineEnd) + 1.0;
        List<Segment> segments = new ArrayList<>();
        add(segments, AskWindow.Phase.TOO_EARLY, "On service", startDate, window.idealFrom().minusDays(1), span);
        add(segments, AskWindow.Phase.IDEAL, "Ideal: ask in person", window.idealFrom(), endDate, span);
        add(segments, AskWindow.Phase.ACCEPTABLE, "Acceptable: ask by email", endDate.plusDays(1), window.acceptableTo(), span);
        add(segments, AskWindow.Phase.LATE, "Late", window.acceptableTo().plusDays(1), lineEnd, span);
        Double todayPercent = today.isBefore(startDate) || today.isAfter(lineEnd) ? null
                : Math.round(ChronoUnit.DAYS.between(startDate, today) * 1000.0 / span) / 10.0;
        return new AskTimeline(List.copyOf(segments), todayPercent);
    }

    private static void add(List<Segment> segments, AskWindow.Phase phase, String label, LocalDate from, LocalDate to, double span) {
        if (to.isBefore(from)) {
            return;
        }
        double days = ChronoUnit.DAYS.between(from, to) + 1.0;
        segments.add(new Segment(phase, label, from, to, Math.round(days * 1000.0 / span) / 10.0));
    }
}
