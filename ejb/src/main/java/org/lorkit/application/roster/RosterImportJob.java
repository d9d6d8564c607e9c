package org.lorkit.application.roster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One import, from the checked file to the invitations, held in memory by {@link RosterImports}. It
 * carries its agency id (the tenant of the login that previewed it), because the background work that
 * stores it has no request to take the agency from. Read by the polling page while a worker changes it.
 */
public final class RosterImportJob {
    private static final int MAX_INVITATION_PROBLEMS = 20;

    /** A new student to invite once the import has committed. */
    public record Invitee(String email, String fullName) {
    }

    private final String id;
    private final long agencyId;
    private final String previewedBy;
    private final Instant previewedAt;
    private volatile RosterPlan plan;

    private volatile ImportState state = ImportState.PREVIEWED;
    private volatile String phase = "Waiting for confirmation";
    private volatile int rowsDone;
    private final int rowsTotal;
    private volatile String message;
    private volatile RosterImportWriter.Written written;

    private volatile InvitationState invitations = InvitationState.NOT_STARTED;
    private final Set<String> invited = ConcurrentHashMap.newKeySet();
    private volatile int invitationsFailed;
    private final List<String> invitationProblems = new ArrayList<>();

    RosterImportJob(String id, long agencyId, String previewedBy, Instant previewedAt, RosterPlan plan) {
        this.id = id;
        this.agencyId = agencyId;
        this.previewedBy = previewedBy;
        this.previewedAt = previewedAt;
        this.plan = plan;
        this.rowsTotal = plan.rotations().size();
    }

    public String id() {
        return id;
    }

    public long agencyId() {
        return agencyId;
    }

    public String previewedBy() {
        return previewedBy;
    }

    Instant previewedAt() {
        return previewedAt;
    }

    RosterPlan plan() {
        return plan;
    }

    ImportState state() {
        return state;
    }

    /** PREVIEWED to QUEUED, once: a second "confirm" (a double click, another tab) changes nothing. */
    synchronized boolean queue() {
        if (state != ImportState.PREVIEWED) {
            return false;
        }
        state = ImportState.QUEUED;
        phase = "Queued";
        return true;
    }

    synchronized boolean start() {
        if (state != ImportState.QUEUED) {
            return false;
        }
        state = ImportState.RUNNING;
        return true;
    }

    void phase(String phase) {
        this.phase = phase;
    }

    void rowsDone(int rowsDone) {
        this.rowsDone = rowsDone;
    }

    synchronized void done(RosterImportWriter.Written written) {
        this.written = written;
        this.rowsDone = rowsTotal;
        this.state = ImportState.DONE;
        this.phase = "Stored";
        this.plan = null;
    }

    synchronized void failed(String message) {
        this.message = message;
        this.rowsDone = 0;
        this.state = ImportState.FAILED;
        this.phase = "Nothing was stored";
        this.plan = null;
    }

    /** Starts a round of invitations for those not invited yet; false while one runs or before the import is stored. */
    synchronized boolean startInviting() {
        if (state != ImportState.DONE || invitations == InvitationState.RUNNING) {
            return false;
        }
        invitations = InvitationState.RUNNING;
        invitationsFailed = 0;
        invitationProblems.clear();
        return true;
    }

    List<Invitee> notYetInvited() {
        RosterImportWriter.Written w = written;
        return w == null ? List.of() : w.invitees().stream().filter(i -> !invited.contains(i.email())).toList();
    }

    void invited(String email) {
        invited.add(email);
    }

    synchronized void invitationFailed(String email, String reason) {
        invitationsFailed++;
        if (invitationProblems.size() < MAX_INVITATION_PROBLEMS) {
            invitationProblems.add(email + ": " + reason);
        }
    }

    synchronized void invitationsFinished() {
        invitations = InvitationState.FINISHED;
    }

    synchronized RosterImportProgress progress() {
        RosterImportWriter.Written w = written;
        return new RosterImportProgress(id, state, phase, rowsDone, rowsTotal, message,
                w == null ? 0 : w.studentsCreated(), w == null ? 0 : w.studentsReused(),
                w == null ? 0 : w.attendingsCreated(), w == null ? 0 : w.attendingsReused(),
                w == null ? 0 : w.rotationsCreated(), invitations, w == null ? 0 : w.invitees().size(), invited.size(),
                invitationsFailed, List.copyOf(invitationProblems));
    }
}
