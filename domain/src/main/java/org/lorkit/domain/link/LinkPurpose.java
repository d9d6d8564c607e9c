package org.lorkit.domain.link;

import java.time.Duration;

/** What a link lets an attending do. Each link has exactly one purpose. */
public enum LinkPurpose {
    /** Open the kit: read it, download the documents and the combined PDF, and answer from the page. */
    KIT,
    /** The one-click "I will write a strong letter" confirmation from the email. */
    CONFIRM;

    /** The kit stays readable for 90 days; answers are possible only while the request is open. */
    public static final Duration KIT_LIFETIME = Duration.ofDays(90);
}
