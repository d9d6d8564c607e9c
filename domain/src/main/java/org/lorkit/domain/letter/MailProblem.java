package org.lorkit.domain.letter;

/** Why LorKit's mail to a letter's writer is not reaching them. */
public enum MailProblem {
    /** The writer's mail server refused the address for good, at once or in a later bounce report. */
    BOUNCED("the email bounced", true),
    /** The writer's mailbox reported LorKit's mail as spam: nothing more is sent to the address until staff clear it. */
    COMPLAINED("the writer's mailbox reported the email as spam", true),
    /** Sending kept failing for now-reasons until the retries ran out: the address may be fine. */
    UNDELIVERED("the email could not be delivered after several attempts", false);

    private final String description;
    private final boolean addressNeedsCorrecting;

    MailProblem(String description, boolean addressNeedsCorrecting) {
        this.description = description;
        this.addressNeedsCorrecting = addressNeedsCorrecting;
    }

    /** In words, for the pages and the history. */
    public String description() {
        return description;
    }

    /** Whether another address is the way out (a refusal or a complaint), rather than sending again. */
    public boolean addressNeedsCorrecting() {
        return addressNeedsCorrecting;
    }
}
