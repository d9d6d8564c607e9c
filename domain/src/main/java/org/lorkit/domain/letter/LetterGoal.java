package org.lorkit.domain.letter;

import org.lorkit.domain.shared.Specialty;

import java.util.Collection;
import java.util.Set;

/**
 * A student's letter goal: 2 to 3 strong US clinical letters, at least one from a target specialty,
 * plus one more (clinical or research) only if genuinely strong. Counts letters that are secured
 * (received in ERAS: SUBMITTED, which only the student's "ERAS shows it" reaches; a writer's "uploaded" alone
 * leaves a letter on its way) and those still on their way (a strong yes not yet received).
 */
public record LetterGoal(int securedUsClinical, int pendingUsClinical, boolean targetSpecialtyCovered, Status status)
        implements java.io.Serializable {
    public static final int MINIMUM = 2;
    public static final int IDEAL = 3;

    public enum Status {
        /** At least 2 strong US clinical letters uploaded, one of them in a target specialty. */
        REACHED,
        /** Enough are uploaded or on their way to reach the goal. */
        ON_TRACK,
        /** Not enough strong letters even if every open one arrives. */
        SHORT
    }

    /** One letter as the goal sees it: its value, the specialty it speaks to, and its state. */
    public record Letter(LetterValue value, Specialty specialty, LetterState state) {
    }

    public static LetterGoal assess(Collection<Letter> letters, Set<Specialty> targetSpecialties) {
        int secured = 0;
        int pending = 0;
        boolean securedInTarget = false;
        boolean anyInTarget = false;
        for (Letter letter : letters) {
            if (!letter.value().isUsClinical() || !letter.state().isStrongYesOrLater()) {
                continue;
            }
            boolean inTarget = targetSpecialties.contains(letter.specialty());
            if (letter.state() == LetterState.SUBMITTED) {
                secured++;
                securedInTarget |= inTarget;
            } else {
                pending++;
            }
            anyInTarget |= inTarget;
        }
        Status status;
        if (secured >= MINIMUM && securedInTarget) {
            status = Status.REACHED;
        } else if (secured + pending >= MINIMUM && anyInTarget) {
            status = Status.ON_TRACK;
        } else {
            status = Status.SHORT;
        }
        return new LetterGoal(secured, pending, anyInTarget, status);
    }

    /** "You have 1 strong US clinical letter; aim for 2 to 3." */
    public String summary() {
        int total = securedUsClinical + pendingUsClinical;
        String letters = total == 1 ? "1 strong US clinical letter" : total + " strong US clinical letters";
        if (total < MINIMUM) {
            return "You have " + letters + "; aim for " + MINIMUM + " to " + IDEAL + ".";
        }
        if (!targetSpecialtyCovered) {
            return "You have " + letters + "; get at least one from your target specialty.";
        }
        return "You have " + letters + ": a further letter helps only if it is genuinely strong.";
    }
}
