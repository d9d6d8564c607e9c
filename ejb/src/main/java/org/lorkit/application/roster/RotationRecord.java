package org.lorkit.application.roster;

import java.io.Serializable;

/**
 * A rotation as the API sends one: the roster file's rotation columns under the API's names, for a student and an
 * attending the agency has (by id). Dates as text (yyyy-MM-dd) and setting and kind as words, so the roster's own words
 * say what is wrong with them.
 */
public record RotationRecord(Long studentId, Long attendingId, String site, String specialty, String setting, String kind,
                             Boolean academic, String startDate, String endDate, Integer contactDays) implements Serializable {
}
