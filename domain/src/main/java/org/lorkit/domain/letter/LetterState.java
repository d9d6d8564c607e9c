package org.lorkit.domain.letter;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a letter request stands. The transitions are those of the domain brief, plus two the later
 * flows need and the brief implies: a reminder may go out before the attending confirmed (KIT_SENT to
 * REMINDED_1), and an attending may still decline after receiving the kit (KIT_SENT, CONFIRMED, REMINDED_n
 * to DECLINED). A letter offered before the student asked is no yes to a strong letter: the request stays
 * PLANNED (marked as offered) until the student asks the strong question, so PLANNED leads to ASKED only.
 * Besides these moves, a misread answer may be corrected ({@link #canCorrectTo}).
 */
public enum LetterState {
    PLANNED, ASKED, STRONG_YES, LUKEWARM, DECLINED, KIT_SENT, CONFIRMED, REMINDED_1, REMINDED_2,
    NOT_COMING, SUBMITTED, WITHDRAWN;

    /**
     * This state's bit in {@code LetterRequest.reachedStates} (1 << ordinal). Stored: new states go at the end
     * of the list, never in between.
     */
    public long bit() {
        return 1L << ordinal();
    }

    private static final Set<LetterState> CLOSED = EnumSet.of(LUKEWARM, DECLINED, NOT_COMING, SUBMITTED, WITHDRAWN);

    /** Open means the letter may still come: a writer is being asked, has said yes, or is writing. */
    public boolean isOpen() {
        return !CLOSED.contains(this);
    }

    /** The attending said a real yes and has not (yet) fallen through. */
    public boolean isStrongYesOrLater() {
        return EnumSet.of(STRONG_YES, KIT_SENT, CONFIRMED, REMINDED_1, REMINDED_2, SUBMITTED).contains(this);
    }

    /** The kit is with the attending and no letter has arrived yet. */
    public boolean isAwaitingUpload() {
        return EnumSet.of(KIT_SENT, CONFIRMED, REMINDED_1, REMINDED_2).contains(this);
    }

    public Set<LetterState> next() {
        Set<LetterState> next = switch (this) {
            case PLANNED -> EnumSet.of(ASKED);
            case ASKED -> EnumSet.of(STRONG_YES, LUKEWARM, DECLINED);
            case STRONG_YES -> EnumSet.of(KIT_SENT);
            case KIT_SENT -> EnumSet.of(CONFIRMED, REMINDED_1, SUBMITTED, DECLINED);
            case CONFIRMED -> EnumSet.of(REMINDED_1, SUBMITTED, DECLINED);
            case REMINDED_1 -> EnumSet.of(REMINDED_2, SUBMITTED, DECLINED);
            case REMINDED_2 -> EnumSet.of(NOT_COMING, SUBMITTED, DECLINED);
            case LUKEWARM, DECLINED, NOT_COMING, SUBMITTED, WITHDRAWN -> EnumSet.noneOf(LetterState.class);
        };
        if (isOpen()) {
            next.add(WITHDRAWN);
        }
        return next;
    }

    public boolean canMoveTo(LetterState target) {
        return next().contains(target);
    }

    private static final Set<LetterState> ANSWERED = EnumSet.of(PLANNED, STRONG_YES, LUKEWARM, DECLINED);
    private static final Set<LetterState> KIT_OUT_UNCONFIRMED = EnumSet.of(KIT_SENT, REMINDED_1, REMINDED_2);

    /**
     * Where correcting the recorded answer may take a request in this state: between the states an answer leads to
     * (PLANNED for an offer made before the ask, STRONG_YES, LUKEWARM, DECLINED), staying in LUKEWARM or DECLINED for
     * another polite no or no; and, after a yes whose kit went out and that the writer has not confirmed (KIT_SENT,
     * REMINDED_n), to a no (LUKEWARM, DECLINED), which closes the request and stops its reminders. Nothing else: once
     * the writer confirmed, declined or uploaded, or the request was withdrawn or given up, their word stands.
     */
    public boolean canCorrectTo(LetterState target) {
        if (ANSWERED.contains(this)) {
            return ANSWERED.contains(target) && (target != this || target == LUKEWARM || target == DECLINED);
        }
        return KIT_OUT_UNCONFIRMED.contains(this) && (target == LUKEWARM || target == DECLINED);
    }
}
