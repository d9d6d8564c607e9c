package org.lorkit.domain.worklog;

public enum WorkLogKind {
    PATIENT_FOLLOWED, PRESENTATION, NOTE_WRITTEN, FOLLOW_UP, FEEDBACK_RECEIVED, LEARNED
}
