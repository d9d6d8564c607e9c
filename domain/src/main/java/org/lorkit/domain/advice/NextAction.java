package org.lorkit.domain.advice;

import java.io.Serializable;

/**
 * One thing the student should do, most urgent first (lower urgency number), in words they can act on,
 * with the one button that does it.
 *
 * @param kind        what kind of action, for the button and for tests
 * @param urgency     1 (today) to 9 (when convenient)
 * @param message     the sentence shown
 * @param rotationId  the rotation it concerns, if any
 * @param requestId   the letter request it concerns, if any
 */
public record NextAction(Kind kind, int urgency, String message, Long rotationId, Long requestId) implements Serializable {

    public enum Kind {
        SEND_KIT("Send the kit"),
        ASK_NOW("Prepare the ask"),
        ASK_BY_EMAIL("Write the email"),
        FIND_ANOTHER_WRITER("Choose another writer"),
        VAGUE_LETTER_RISK("Choose a writer who knows you"),
        REMINDER_COMING("See the letter"),
        CONFIRM_IN_ERAS("Check ERAS"),
        ERAS_MISMATCH("Sort out the mismatch"),
        LETTER_GOAL("See my letters");

        private final String button;

        Kind(String button) {
            this.button = button;
        }

        public String button() {
            return button;
        }
    }
}
