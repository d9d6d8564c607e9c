package org.lorkit.domain.rotation;

/**
 * How well an attending can know the student after that many days of meaningful contact: under two
 * weeks the letter will likely be vague; four weeks is ideal.
 */
public enum ContactAdvice {
    LIKELY_VAGUE, ENOUGH, IDEAL;

    public static final int MINIMUM_DAYS = 14;
    public static final int IDEAL_DAYS = 28;

    public static ContactAdvice forDays(int contactDays) {
        if (contactDays < MINIMUM_DAYS) {
            return LIKELY_VAGUE;
        }
        return contactDays >= IDEAL_DAYS ? IDEAL : ENOUGH;
    }
}
