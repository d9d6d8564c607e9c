package org.lorkit.domain.attending;

/** What the writer is, as a residency program reads the letterhead. */
public enum AttendingTitle {
    ATTENDING, PROGRAM_DIRECTOR, DEPARTMENT_HEAD
}
