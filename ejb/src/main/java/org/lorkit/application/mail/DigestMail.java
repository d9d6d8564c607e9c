package org.lorkit.application.mail;

import org.lorkit.application.agency.StaffDirectory.StaffMember;
import org.lorkit.domain.outbox.DailyDigest;
import org.lorkit.domain.shared.Dates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the digest's templates (mail/digest.*.ftl) read, for one staff member; and the outbox scope of a day's digest.
 * A section lists at most {@value #LINES_PER_SECTION} lines of at most {@value #LINE_LENGTH} characters, then says how
 * many more the dashboard shows: an email is read on a phone, and the outbox keeps at most 20,000 characters of it.
 */
public final class DigestMail {
    static final int LINES_PER_SECTION = 10;
    static final int LINE_LENGTH = 280;

    private DigestMail() {
    }

    /** The outbox scope: one digest per recipient and local day, whichever node or run queues it. */
    public static String scope(LocalDate day) {
        return "digest-" + day;
    }

    public static Map<String, Object> model(DailyDigest digest, StaffMember member) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", member.fullName());
        model.put("dayLong", Dates.weekdayAndDay(digest.window().day()));
        model.put("dayShort", Dates.day(digest.window().day()));
        model.put("itemCount", digest.itemCount());
        model.put("sections", digest.parts().stream().map(DigestMail::section).toList());
        return model;
    }

    private static Map<String, Object> section(DailyDigest.Part part) {
        List<String> lines = new ArrayList<>();
        part.items().stream().limit(LINES_PER_SECTION).map(item -> shorten(item.line())).forEach(lines::add);
        int more = part.items().size() - lines.size();
        return Map.of("title", part.title(), "count", part.items().size(), "lines", lines,
                "more", more == 0 ? "" : "... and " + more + " more: see the dashboard");
    }

    private static String shorten(String line) {
        return line.length() <= LINE_LENGTH ? line : line.substring(0, LINE_LENGTH - 3) + "...";
    }
}
