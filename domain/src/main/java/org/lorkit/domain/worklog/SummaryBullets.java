package org.lorkit.domain.worklog;

import org.lorkit.domain.shared.DomainException;

import java.util.ArrayList;
import java.util.List;

/**
 * The kit's work summary: 5 to 8 short, factual bullets of what the student did on the rotation.
 * Limits are enforced with a message, never by cutting the student's words.
 */
public final class SummaryBullets {
    public static final int MIN = 5;
    public static final int MAX = 8;
    public static final int MAX_LENGTH = 300;

    private SummaryBullets() {
    }

    /** The bullets as the student ordered them, blank lines dropped; refused unless 5 to 8 of at most 300 characters. */
    public static List<String> check(List<String> bullets) {
        List<String> kept = new ArrayList<>();
        for (String bullet : bullets == null ? List.<String>of() : bullets) {
            if (bullet == null || bullet.isBlank()) {
                continue;
            }
            String text = bullet.strip();
            if (text.length() > MAX_LENGTH) {
                throw new DomainException("bullets", "Bullet " + (kept.size() + 1) + " has " + text.length()
                        + " characters; keep each bullet to " + MAX_LENGTH + " or fewer");
            }
            kept.add(text);
        }
        if (kept.size() < MIN || kept.size() > MAX) {
            throw new DomainException("bullets", "Keep " + MIN + " to " + MAX + " bullets; you have " + kept.size());
        }
        return List.copyOf(kept);
    }

    /** Bullets proposed from the work log, in date order, for the student to keep, edit and order. */
    public static List<String> propose(List<WorkLogEntry> entries) {
        return entries.stream().map(SummaryBullets::bullet).filter(b -> b.length() <= MAX_LENGTH).distinct().toList();
    }

    private static String bullet(WorkLogEntry entry) {
        String text = entry.getText().strip();
        String lead = switch (entry.getKind()) {
            case PATIENT_FOLLOWED -> "Followed ";
            case PRESENTATION -> "Presented ";
            case NOTE_WRITTEN -> "Wrote ";
            case FOLLOW_UP -> "Followed up on ";
            case FEEDBACK_RECEIVED -> "Feedback: ";
            case LEARNED -> "Learned ";
        };
        String lower = text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
        return text.toLowerCase().startsWith(lead.strip().toLowerCase()) ? text : lead + lower;
    }
}
