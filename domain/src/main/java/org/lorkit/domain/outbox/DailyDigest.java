package org.lorkit.domain.outbox;

import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.Labels;
import org.lorkit.domain.shared.Require;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the agency's staff hear each morning about one day of the agency (its own time zone): the letters that fell
 * through that day (not coming, declined), the mail that did not reach its reader (bounced, reported as spam), and
 * what is still waiting when the day ends (a strong yes without its kit after a day, a letter past its deadline).
 * Empty when there is nothing to say, and then nothing is sent.
 */
public final class DailyDigest {
    /** After a yes the kit goes out the same day (domain brief); a day later staff hear of it. */
    public static final Duration KIT_AFTER_YES = Duration.ofHours(24);

    /** The sections of a digest, in the order it lists them. */
    public enum Section {
        NOT_COMING("Letters not coming"),
        DECLINED("Letters declined"),
        BOUNCED("Mail that bounced"),
        COMPLAINED("Mail reported as spam"),
        KIT_NOT_SENT("Strong yes, but the kit has not gone out"),
        PAST_DEADLINE("Letters past their deadline");

        private final String title;

        Section(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** One local day of the agency: from its midnight to the next, in its time zone (23 or 25 hours on a DST change). */
    public record Window(LocalDate day, ZoneId zone) {
        public Window {
            Require.present("day", day);
            Require.present("zone", zone);
        }

        public Instant start() {
            return day.atStartOfDay(zone).toInstant();
        }

        public Instant end() {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }

        public boolean contains(Instant at) {
            return !at.isBefore(start()) && at.isBefore(end());
        }

        /** Whether the day is over at this instant, so that its digest can be made. */
        public boolean isOverAt(Instant now) {
            return !now.isBefore(end());
        }

        /**
         * The day whose digest is due at this instant: yesterday (local) once the agency's clock shows the digest's hour,
         * and before that hour still the day before yesterday, so a digest missed while no server ran is made in the
         * early hours, before the next one takes its place.
         */
        public static Window dueAt(Instant now, ZoneId zone, int hour) {
            ZonedDateTime local = Require.present("now", now).atZone(zone);
            return new Window(local.toLocalDate().minusDays(local.getHour() >= checkHour(hour) ? 1 : 2), zone);
        }
    }

    /** The hour of the agency's morning the digest is queued at, 0 to 23. */
    public static int checkHour(int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("The digest hour is between 0 and 23, not " + hour);
        }
        return hour;
    }

    /** A letter request as the digest names it. */
    public record Letter(long requestId, String studentName, String attendingName) {
        public Letter {
            Require.present("studentName", studentName);
            Require.present("attendingName", attendingName);
        }
    }

    /**
     * A request's event into a state, with the state it is in now (an undo may have taken it back since), and the
     * writer's note for the agency, if any. An event that kept the state (mail news, a report) is no move.
     */
    public record StateChange(Letter letter, LetterState fromState, LetterState toState, LetterState currentState, String note, Instant at) {
        public StateChange {
            Require.present("letter", letter);
            Require.present("toState", toState);
            Require.present("currentState", currentState);
            Require.present("at", at);
        }
    }

    /** What the mail system reported about one email; the letter is null for mail about no request (a nudge, staff mail). */
    public record MailNews(Letter letter, String address, DeliveryEventKind kind, Instant at) {
        public MailNews {
            Require.present("address", address);
            Require.present("kind", kind);
            Require.present("at", at);
        }
    }

    /** An open request as it stands: its state, since when, and its deadline (null before the kit). */
    public record OpenLetter(Letter letter, LetterState state, Instant stateChangedAt, LocalDate deadline) {
        public OpenLetter {
            Require.present("letter", letter);
            Require.present("state", state);
            Require.present("stateChangedAt", stateChangedAt);
        }
    }

    /** One line of a section: the letter it is about (null for mail about no letter), and what happened, in words. */
    public record Item(Letter letter, String text) {
        /** "Student, letter from Attending: what happened", or only what happened when no letter is concerned. */
        public String line() {
            return letter == null ? Character.toUpperCase(text.charAt(0)) + text.substring(1)
                    : letter.studentName() + ", letter from " + letter.attendingName() + ": " + text;
        }
    }

    public record Part(Section section, List<Item> items) {
        public Part {
            items = List.copyOf(items);
        }

        public String title() {
            return section.title();
        }
    }

    private final Window window;
    private final List<Part> parts;

    private DailyDigest(Window window, List<Part> parts) {
        this.window = window;
        this.parts = List.copyOf(parts);
    }

    /**
     * The digest of the window from these rows. The rows may hold more than the digest tells (a query narrows, this
     * decides): only changes and mail news inside the window count, only changes the request still stands by (a
     * decline taken back within the undo window is no news), and each letter appears once per section.
     */
    public static DailyDigest of(Window window, Collection<StateChange> changes, Collection<MailNews> news, Collection<OpenLetter> open) {
        Require.present("window", window);
        Map<Section, List<Dated>> sections = new EnumMap<>(Section.class);
        changesOf(window, changes, sections);
        newsOf(window, news, sections);
        openOf(window, open, sections);
        List<Part> parts = new ArrayList<>();
        for (Section section : Section.values()) {
            List<Dated> dated = sections.getOrDefault(section, List.of());
            if (!dated.isEmpty()) {
                parts.add(new Part(section, dated.stream().sorted(Dated.ORDER).map(Dated::item).toList()));
            }
        }
        return new DailyDigest(window, parts);
    }

    /** An item with what orders it in its section: the time it happened (or the deadline), then the student's name. */
    private record Dated(Item item, Instant at) {
        static final Comparator<Dated> ORDER = Comparator.comparing(Dated::at)
                .thenComparing(d -> d.item().letter() == null ? "" : d.item().letter().studentName());
    }

    private static void changesOf(Window window, Collection<StateChange> changes, Map<Section, List<Dated>> sections) {
        // The last change of each request into each state: a decline, an undo and a decline again tell one decline.
        Map<String, StateChange> latest = new LinkedHashMap<>();
        for (StateChange change : changes) {
            if (!window.contains(change.at()) || change.fromState() == change.toState() || change.currentState() != change.toState()) {
                continue;
            }
            if (change.toState() != LetterState.NOT_COMING && change.toState() != LetterState.DECLINED) {
                continue;
            }
            latest.merge(change.letter().requestId() + ":" + change.toState(), change, (a, b) -> b.at().isAfter(a.at()) ? b : a);
        }
        for (StateChange change : latest.values()) {
            String at = Dates.time(change.at(), window.zone());
            if (change.toState() == LetterState.NOT_COMING) {
                add(sections, Section.NOT_COMING, change.letter(),
                        "no letter after the reminders, taken as not coming at " + at + ": the student needs another writer", change.at());
            } else {
                String note = change.note() == null || change.note().isBlank() ? "" : " (their note: \"" + oneLine(change.note()) + "\")";
                add(sections, Section.DECLINED, change.letter(), "the writer declined at " + at + note, change.at());
            }
        }
    }

    private static void newsOf(Window window, Collection<MailNews> news, Map<Section, List<Dated>> sections) {
        // The first report of each kind about each address and letter: a mail sent again and refused again is one problem.
        Map<String, MailNews> first = new LinkedHashMap<>();
        for (MailNews item : news) {
            if (!window.contains(item.at()) || item.kind() != DeliveryEventKind.BOUNCED && item.kind() != DeliveryEventKind.COMPLAINED) {
                continue;
            }
            String key = item.kind() + ":" + item.address().toLowerCase(Locale.ROOT) + ":"
                    + (item.letter() == null ? "-" : item.letter().requestId());
            first.merge(key, item, (a, b) -> b.at().isBefore(a.at()) ? b : a);
        }
        for (MailNews item : first.values()) {
            String at = Dates.time(item.at(), window.zone());
            if (item.kind() == DeliveryEventKind.BOUNCED) {
                add(sections, Section.BOUNCED, item.letter(), "the email to " + item.address() + " bounced at " + at
                        + ": the address needs correcting", item.at());
            } else {
                add(sections, Section.COMPLAINED, item.letter(), "the email to " + item.address() + " was reported as spam at " + at
                        + ": nothing more is sent there until staff allow it again", item.at());
            }
        }
    }

    private static void openOf(Window window, Collection<OpenLetter> open, Map<Section, List<Dated>> sections) {
        Instant yesBefore = window.end().minus(KIT_AFTER_YES);
        Map<Long, OpenLetter> once = new LinkedHashMap<>();
        open.forEach(letter -> once.putIfAbsent(letter.letter().requestId(), letter));
        for (OpenLetter letter : once.values()) {
            if (letter.state() == LetterState.STRONG_YES && letter.stateChangedAt().isBefore(yesBefore)) {
                LocalDate yesOn = letter.stateChangedAt().atZone(window.zone()).toLocalDate();
                add(sections, Section.KIT_NOT_SENT, letter.letter(), "a strong yes on " + Dates.day(yesOn)
                        + ", and the kit has not gone out yet", letter.stateChangedAt());
            } else if (letter.state().isAwaitingUpload() && letter.deadline() != null && !letter.deadline().isAfter(window.day())) {
                add(sections, Section.PAST_DEADLINE, letter.letter(), "the deadline of " + Dates.day(letter.deadline())
                        + " has passed and no letter has arrived (" + describe(letter.state()) + ")",
                        letter.deadline().atStartOfDay(window.zone()).toInstant());
            }
        }
    }

    private static void add(Map<Section, List<Dated>> sections, Section section, Letter letter, String text, Instant at) {
        sections.computeIfAbsent(section, s -> new ArrayList<>()).add(new Dated(new Item(letter, text), at));
    }

    private static String describe(LetterState state) {
        return switch (state) {
            case KIT_SENT -> "kit sent";
            case CONFIRMED -> "the writer confirmed";
            case REMINDED_1 -> "reminded once";
            case REMINDED_2 -> "reminded twice";
            default -> Labels.inSentence(state);
        };
    }

    /** A note as one line: a note with line breaks would break the list it is in. */
    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }

    public Window window() {
        return window;
    }

    /** The sections with something to say, in order. */
    public List<Part> parts() {
        return parts;
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** How many lines the digest has, over all its sections. */
    public int itemCount() {
        return parts.stream().mapToInt(p -> p.items().size()).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DailyDigest digest && window.equals(digest.window) && parts.equals(digest.parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(window, parts);
    }
}
