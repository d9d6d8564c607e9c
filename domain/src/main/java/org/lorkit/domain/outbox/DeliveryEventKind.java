package org.lorkit.domain.outbox;

/** What became of a sent (or unsendable) email, as the relay or a later report told LorKit. */
public enum DeliveryEventKind {
    /** Refused for good: by the relay at once, or by a later delivery status notification (Action: failed, 5.x.x). */
    BOUNCED,
    /** A later notice that delivery is delayed and still being tried (Action: delayed): history only. */
    DELAYED,
    /** The recipient reported the mail as spam (an ARF feedback report): no more mail to the address. */
    COMPLAINED,
    /** The retries ran out on failures that looked temporary. */
    GAVE_UP,
    /** The relay refused it for a reason of LorKit's own setup (5.7.x, authentication, relaying): the mail waits. */
    HELD_BY_RELAY
}
