package org.lorkit.application.mail;

import org.lorkit.application.agency.StaffDirectory.StaffMember;
import org.lorkit.domain.outbox.DailyDigest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What the digest's templates (mail/digest.*.ftl) read, for one staff member; and the outbox scope of a day's digest. */
final class DigestMail {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE, MMM d", Locale.US);

    private DigestMail() {
    }

    /** The outbox scope: one digest per recipient and local day, whichever node or run queues it. */
    static String scope(LocalDate day) {
        return "digest-" + day;
    }

    static Map<String, Object> model(DailyDigest digest, StaffMember member) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", member.fullName());
        model.put("dayLong", LONG.format(digest.window().day()));
        model.put("dayShort", SHORT.format(digest.window().day()));
        model.put("itemCount", digest.itemCount());
        model.put("sections", digest.parts().stream()
                .map(part -> Map.of("title", part.title(), "lines", part.items().stream().map(DailyDigest.Item::line).toList()))
                .toList());
        return model;
    }
}
