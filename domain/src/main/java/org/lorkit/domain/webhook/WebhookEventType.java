package org.lorkit.domain.webhook;

import org.lorkit.domain.shared.DomainException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a webhook tells, by the name receivers read in the body's {@code type}. Names are a contract with receivers:
 * never renamed, new ones added at the end.
 */
public enum WebhookEventType {
    /** A letter request moved to another state (it was planned, asked, answered, sent, reminded, withdrawn...). */
    LETTER_STATE_CHANGED("letter.state_changed"),
    /** The kit email left LorKit: the mail server accepted it. */
    KIT_SENT("kit.sent"),
    /** A reminder to the writer left LorKit: the mail server accepted it. */
    REMINDER_SENT("reminder.sent"),
    /** An email about the request bounced: the writer's address was refused for good. */
    MAIL_BOUNCED("mail.bounced"),
    /** The letter is not coming: the writer declined, or stayed silent after two reminders (LetterNotComing). */
    LETTER_NOT_COMING("letter.not_coming"),
    /** Sent only on an admin's request, to check an endpoint; it names no letter request. */
    TEST("test");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the body's {@code type}: "letter.state_changed". */
    public String wireName() {
        return wireName;
    }

    /** The events an admin may choose for an endpoint (the test event goes to every endpoint on request). */
    public static List<WebhookEventType> choosable() {
        return Arrays.stream(values()).filter(type -> type != TEST).toList();
    }

    /** The stored list ("letter.state_changed,kit.sent") as types; names LorKit does not know (any more) are left out. */
    public static Set<WebhookEventType> parse(String stored) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        if (stored != null) {
            for (String name : stored.split(",")) {
                Arrays.stream(values()).filter(type -> type.wireName.equals(name.strip())).findFirst().ifPresent(types::add);
            }
        }
        return types;
    }

    /** The chosen events as stored, in the order of this enum; at least one, and never the test event. */
    public static String store(Set<WebhookEventType> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            throw new DomainException("events", "Choose at least one event to send");
        }
        if (chosen.contains(TEST)) {
            throw new DomainException("events", "The test event is sent on request only");
        }
        return Arrays.stream(values()).filter(chosen::contains).map(WebhookEventType::wireName).collect(Collectors.joining(","));
    }
}
