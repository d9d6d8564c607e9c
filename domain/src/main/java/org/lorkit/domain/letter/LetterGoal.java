package org.lorkit.domain.letter;

import org.lorkit.domain.shared.Specialty;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A student's letter goal: 2 to 3 strong US clinical letters, at least one from a target specialty,
 * plus one more (clinical or research) only if genuinely strong. Counts letters that are secured
 * (received in ERAS: SUBMITTED, which only the student's "ERAS shows it" reaches; a writer's "uploaded" alone
 * leaves a letter on its way) and those still on their way (a strong yes not yet received).
 * <p>
 * A letter is from a target specialty when its <em>writer</em> practises it: the attending's specialty, or the
 * rotation's where the attending's is not known ({@link #writerSpecialty}). The specialty the letter speaks to (the
 * "letter for" label, which defaults to the student's own target) says nothing about who wrote it. A subspecialist
 * does not count for the core field (a cardiologist's letter is not an internal medicine one: it ranks lower, see
 * {@link LetterValue}). The student's meter, their next actions and the staff dashboard's "at goal" all come from
 * this rule: the first two through {@link #of}, the dashboard's SQL by joining the writer's specialty the same way.
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

    /** One letter as the goal sees it: its value, the specialty its writer practises, and its state. */
    public record Letter(LetterValue value, Specialty writerSpecialty, LetterState state) {
        /** The request as the goal sees it: the writer's specialty, never the "letter for" label. */
        public static Letter of(LetterRequest request) {
            return new Letter(request.getValue(), LetterGoal.writerSpecialty(request.getAttending().getSpecialty(),
                    request.getRotation().getSpecialty()), request.getState());
        }
    }

    /** The specialty the writer practises: the attending's, or the rotation's where the attending's is not known. */
    public static Specialty writerSpecialty(Specialty attendingSpecialty, Specialty rotationSpecialty) {
        return attendingSpecialty != null ? attendingSpecialty : rotationSpecialty;
    }

    /** Whether a writer of that specialty writes a letter "from" one of the targets: they practise it. */
    public static boolean fromTarget(Specialty writerSpecialty, Collection<Specialty> targetSpecialties) {
        return writerSpecialty != null && targetSpecialties.contains(writerSpecialty);
    }

    /** The goal of a student with these requests and these target specialties. */
    public static LetterGoal of(Collection<LetterRequest> requests, Collection<Specialty> targetSpecialties) {
        return assess(requests.stream().map(Letter::of).toList(), new HashSet<>(targetSpecialties));
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
            boolean inTarget = fromTarget(letter.writerSpecialty(), targetSpecialties);
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
            return "You have " + letters + "; get at least one from an attending in your target specialty.";
        }
        return "You have " + letters + ": a further letter helps only if it is genuinely strong.";
    }
}
