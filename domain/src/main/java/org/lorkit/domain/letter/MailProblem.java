package org.lorkit.domain.letter;

import org.lorkit.domain.shared.Labels;

/** Why LorKit's mail to a letter's writer is not reaching them. */
public enum MailProblem {
    /** The writer's mail server refused the address for good, at once or in a later bounce report. */
    BOUNCED(true),
    /**
     * The writer's mailbox reported LorKit's mail as spam: nothing more is sent to the address until staff, having
     * talked to the writer, allow it again. A student does not get round it by typing another address.
     */
    COMPLAINED(false),
    /** Sending kept failing for reasons that looked temporary until the retries ran out: the address may be fine. */
    UNDELIVERED(true);

    private final boolean correctable;

    MailProblem(boolean correctable) {
        this.correctable = correctable;
    }

    /** In words, for the pages' flags. */
    public String label() {
        return Labels.of(this);
    }

    /** Whether a corrected (or re-entered) address and fresh links are the way out. */
    public boolean correctable() {
        return correctable;
    }
}
