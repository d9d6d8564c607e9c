package org.lorkit.application.roster;

import java.io.Serializable;
import java.util.List;

/** A snapshot of an import for the page that polls it. */
public record RosterImportProgress(String importId, ImportState state, String phase, int rowsDone, int rowsTotal,
                                   String message, int studentsCreated, int studentsReused, int attendingsCreated,
                                   int attendingsReused, int rotationsCreated, InvitationState invitations, int toInvite,
                                   int invited, int invitationsFailed, List<String> invitationProblems) implements Serializable {

    /** 0 to 100; 100 once the import has finished, stored or not. */
    public int percent() {
        if (state.finished()) {
            return 100;
        }
        return rowsTotal == 0 ? 0 : (int) Math.min(99, rowsDone * 100L / rowsTotal);
    }

    public boolean finished() {
        return state.finished();
    }

    public boolean invitationsRunning() {
        return invitations == InvitationState.RUNNING;
    }

    /** New students whose invitation has not gone out yet (never tried, or failed). */
    public int notYetInvited() {
        return toInvite - invited;
    }
}
