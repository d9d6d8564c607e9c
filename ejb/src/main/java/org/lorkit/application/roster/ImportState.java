package org.lorkit.application.roster;

/** Where an import is: checked and waiting for "confirm", queued, being stored, stored, or failed (nothing stored). */
public enum ImportState {
    PREVIEWED, QUEUED, RUNNING, DONE, FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
