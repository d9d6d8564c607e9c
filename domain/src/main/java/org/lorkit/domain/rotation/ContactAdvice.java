package org.lorkit.domain.rotation;

import org.lorkit.domain.agency.AgencyRules;

/**
 * How well an attending can know the student after that many days of meaningful contact: under the agency's minimum
 * (two weeks by default) the letter will likely be vague; from its ideal on (four weeks by default) the contact is ideal.
 */
public enum ContactAdvice {
    LIKELY_VAGUE, ENOUGH, IDEAL;

    public static ContactAdvice forDays(int contactDays, AgencyRules rules) {
        if (contactDays < rules.contactMinimumDays()) {
            return LIKELY_VAGUE;
        }
        return contactDays >= rules.contactIdealDays() ? IDEAL : ENOUGH;
    }
}
