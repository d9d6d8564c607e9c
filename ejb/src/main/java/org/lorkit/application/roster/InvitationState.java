package org.lorkit.application.roster;

/** The invitations of an import's new students: not asked for yet, being sent, or every one tried. */
public enum InvitationState {
    NOT_STARTED, RUNNING, FINISHED
}
