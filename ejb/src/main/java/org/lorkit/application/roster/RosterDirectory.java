package org.lorkit.application.roster;

import org.lorkit.domain.cohort.Cohort;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the agency already has, loaded in a few queries before a file is read, so that checking a row
 * never needs a query: its active cohorts by name, its students' and attendings' names by email, and
 * the rotations already stored (student, site, dates, attending) so a file imported twice is noticed.
 */
public record RosterDirectory(Map<String, Cohort> activeCohorts, Map<String, String> studentNames,
                              Map<String, String> attendingNames, Set<String> existingRotations) {

    public static RosterDirectory of(Collection<Cohort> activeCohorts, Map<String, String> studentNames,
                                     Map<String, String> attendingNames, Set<String> existingRotations) {
        Map<String, Cohort> byName = new HashMap<>();
        for (Cohort cohort : activeCohorts) {
            byName.putIfAbsent(nameKey(cohort.getName()), cohort);
        }
        return new RosterDirectory(byName, studentNames, attendingNames, existingRotations);
    }

    /** Names compare without regard to case or repeated spaces. */
    static String nameKey(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The key under which a rotation counts as the same one: student, site, dates and attending. */
    public static String rotationKey(String studentEmail, String site, Object startDate, Object endDate, String attendingEmail) {
        return studentEmail + '|' + nameKey(site) + '|' + startDate + '|' + endDate + '|' + attendingEmail;
    }
}
