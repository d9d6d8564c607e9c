package org.lorkit.application.dashboard;

/** Where a student stands against the letter goal, as the dashboard counts them. */
public enum Standing {
    /** At least 2 strong US clinical letters received in ERAS, one of them in a target specialty. */
    AT_GOAL("At their letter goal"),
    /** Not at the goal yet, and nothing says it is in danger. */
    ON_TRACK("On track"),
    /**
     * Submits within the horizon with fewer than 2 strong letters, or has a letter past its deadline, one not
     * coming after two reminders, a bounced kit email, an ERAS mismatch, or an ask outside the window.
     */
    AT_RISK("At risk");

    private final String label;

    Standing(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
