package org.lorkit.application.dashboard;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One student's line in the dashboard's tables: the figures behind their standing, and why. */
public record StudentStanding(long studentId, String name, String email, String cohort, LocalDate submitOn,
                              int securedLetters, int strongLetters, int overdue, int notComing, int bounced,
                              int mismatches, int outsideWindow, Standing standing) implements Serializable {

    /** The reasons a student is at risk, in words staff can act on. */
    public List<String> reasons(LocalDate today, int horizonDays) {
        List<String> reasons = new ArrayList<>();
        if (standing == Standing.AT_GOAL) {
            return reasons;
        }
        if (strongLetters < 2 && submitOn != null && !submitOn.isAfter(today.plusDays(horizonDays))) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(today, submitOn);
            String when = days < 0 ? "submit date passed " + -days + " days ago" : days == 0 ? "submits today" : "submits in " + days + " days";
            reasons.add(strongLetters + (strongLetters == 1 ? " strong letter" : " strong letters") + ", " + when);
        }
        add(reasons, overdue, "past its deadline", "past their deadlines");
        add(reasons, notComing, "not coming after two reminders", "not coming after two reminders");
        add(reasons, bounced, "kit email bounced", "kit emails bounced");
        add(reasons, mismatches, "ERAS mismatch", "ERAS mismatches");
        add(reasons, outsideWindow, "ask outside the window", "asks outside the window");
        return reasons;
    }

    private static void add(List<String> reasons, int count, String one, String many) {
        if (count > 0) {
            reasons.add(count == 1 ? "1 " + one : count + " " + many);
        }
    }
}
