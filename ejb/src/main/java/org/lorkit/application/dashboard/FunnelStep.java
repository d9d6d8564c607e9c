package org.lorkit.application.dashboard;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The funnel from rotation to uploaded letter, one definition used both to count each stage and to list the
 * students behind it. Letter stages count requests that ever reached them (their events), so a letter that
 * was uploaded also counts as asked, said yes, got the kit and was confirmed.
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

    /** SQL counting this stage for the students of the scope CTE. */
    String countSql(long agency) {
        String a = DashboardSql.lit(agency);
        return switch (this) {
            case ROTATION -> "SELECT COUNT(*) FROM rotation ro JOIN scope s ON s.student_id = ro.student_id WHERE ro.agency_id = " + a;
            case FEEDBACK -> "SELECT COUNT(DISTINCT f.rotation_id) FROM feedback_check f JOIN rotation ro ON ro.id = f.rotation_id "
                    + "AND ro.agency_id = " + a + " JOIN scope s ON s.student_id = ro.student_id WHERE f.agency_id = " + a;
            default -> "SELECT COUNT(DISTINCT e.letter_request_id) FROM letter_request_event e JOIN letter_request r "
                    + "ON r.id = e.letter_request_id AND r.agency_id = " + a + " JOIN scope s ON s.student_id = r.student_id "
                    + "WHERE e.agency_id = " + a + " AND e.to_state IN (" + inList() + ")";
        };
    }

    /** SQL selecting the ids of the students who reached this stage. */
    String studentsSql(long agency) {
        String a = DashboardSql.lit(agency);
        return switch (this) {
            case ROTATION -> "SELECT ro.student_id FROM rotation ro WHERE ro.agency_id = " + a;
            case FEEDBACK -> "SELECT ro.student_id FROM feedback_check f JOIN rotation ro ON ro.id = f.rotation_id AND ro.agency_id = " + a
                    + " WHERE f.agency_id = " + a;
            default -> "SELECT r.student_id FROM letter_request_event e JOIN letter_request r ON r.id = e.letter_request_id "
                    + "AND r.agency_id = " + a + " WHERE e.agency_id = " + a + " AND e.to_state IN (" + inList() + ")";
        };
    }

    private String inList() {
        return states.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
    }
}
