package org.lorkit.application.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.lorkit.domain.letter.LetterState;

import java.io.Serializable;

/**
 * Which students to list: a cohort (or the whole agency), a standing or a letter state to drill into, a
 * name to look for, the order, and the page.
 *
 * @param cohortId     the cohort, or null for every active cohort of the agency
 * @param standing     only students of this standing, or null
 * @param letterState  only students with a letter in this state, or null
 * @param nameContains part of the student's name or email, or null
 * @param sortBy       name, cohort, submit, strong or risk
 * @param ascending    the order
 * @param first        the first row (0-based)
 * @param pageSize     rows per page
 * @param reached      only students with a rotation or letter that reached this funnel stage, or null
 */
public record StudentQuery(Long cohortId, Standing standing, LetterState letterState,
                           @Size(max = 100, message = "Search for at most 100 characters") String nameContains,
                           @Pattern(regexp = "name|cohort|submit|strong|risk", message = "Unknown sort column") String sortBy,
                           boolean ascending,
                           @Min(0) int first,
                           @Min(1) @Max(500) int pageSize,
                           FunnelStep reached) implements Serializable {

    public static StudentQuery atRisk(Long cohortId) {
        return new StudentQuery(cohortId, Standing.AT_RISK, null, null, "submit", true, 0, 25, null);
    }

    /** The same students without order or page: what counting them depends on. */
    public StudentQuery forCount() {
        return new StudentQuery(cohortId, standing, letterState, nameContains, "submit", true, 0, 1, reached);
    }

    public StudentQuery page(int first, int pageSize) {
        return new StudentQuery(cohortId, standing, letterState, nameContains, sortBy, ascending, first, pageSize, reached);
    }
}
