package org.lorkit.application.dashboard;

import org.lorkit.domain.letter.LetterState;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The funnel from rotation to uploaded letter, one definition used both to count each stage and to list the
 * students behind it. Letter stages count requests that ever reached them (the states their events recorded in
 * reached_states), so a letter that was uploaded also counts as asked, said yes, got the kit and was confirmed.
 */
public enum FunnelStep {
    ROTATION("Rotations", List.of()),
    FEEDBACK("Feedback checked", List.of()),
    ASKED("Asked", List.of("ASKED", "STRONG_YES")),
    YES("Said a strong yes", List.of("STRONG_YES")),
    KIT_SENT("Kit sent", List.of("KIT_SENT")),
    CONFIRMED("Confirmed", List.of("CONFIRMED", "SUBMITTED")),
    UPLOADED("Uploaded to ERAS", List.of("SUBMITTED"));

    private final String label;
    private final List<String> states;

    FunnelStep(String label, List<String> states) {
        this.label = label;
        this.states = states;
    }

    public String label() {
        return label;
    }

    /** Whether this stage counts letter requests (rather than rotations). */
    boolean isLetterStage() {
        return !states.isEmpty();
    }

    /** SQL counting this stage for the students of the scope CTE; letter stages are counted by {@link #reachedSql}. */
    String countSql(long agency) {
        String a = DashboardSql.lit(agency);
        return switch (this) {
            case ROTATION -> "SELECT COUNT(*) FROM rotation ro JOIN scope s ON s.student_id = ro.student_id WHERE ro.agency_id = " + a;
            case FEEDBACK -> "SELECT COUNT(DISTINCT f.rotation_id) FROM feedback_check f JOIN rotation ro ON ro.id = f.rotation_id "
                    + "AND ro.agency_id = " + a + " JOIN scope s ON s.student_id = ro.student_id WHERE f.agency_id = " + a;
            default -> throw new IllegalStateException(this + " is counted from the requests' reached states");
        };
    }

    /**
     * A condition on letter_request r: it ever reached one of this stage's states (its reached_states bits;
     * MOD and division, because H2 and PostgreSQL spell bitwise AND differently).
     */
    String reachedSql() {
        return "(" + states.stream().map(s -> "MOD(r.reached_states / " + LetterState.valueOf(s).bit() + ", 2) = 1")
                .collect(Collectors.joining(" OR ")) + ")";
    }

    /** SQL selecting the ids of the students who reached this stage. */
    String studentsSql(long agency) {
        String a = DashboardSql.lit(agency);
        return switch (this) {
            case ROTATION -> "SELECT ro.student_id FROM rotation ro WHERE ro.agency_id = " + a;
            case FEEDBACK -> "SELECT ro.student_id FROM feedback_check f JOIN rotation ro ON ro.id = f.rotation_id AND ro.agency_id = " + a
                    + " WHERE f.agency_id = " + a;
            default -> "SELECT r.student_id FROM letter_request r WHERE r.agency_id = " + a + " AND " + reachedSql();
        };
    }
}
