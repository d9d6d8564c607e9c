package org.lorkit.web.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.Labels;

/**
 * What pages call to write a value for people ({@code #{format.day(d)}}, {@code #{format.label(r.state)}}): the one way
 * a day and a domain value are written, the same as in emails and on the kit document ({@link Dates}, {@link Labels}).
 * Days reach pages already on the agency's calendar; moments are written by the services with {@link Dates#moment}.
 */
@Named("format")
@ApplicationScoped
public class Format {
    public String label(Enum<?> value) {
        return Labels.of(value);
    }

    /**
     * A text of the pages' bundle with its values put in, where a page cannot use {@code h:outputFormat} (an attribute:
     * a label, a button, an aria-label, a confirm dialog): {@code #{format.text(msg['kit.sendTo'], name)}}. The same
     * MessageFormat as {@code h:outputFormat} and {@link Messages#text}; one method per number of values, because EL
     * picks among overloads by their count.
     */
    public String text(String pattern, Object first) {
        return fill(pattern, first);
    }

    public String text(String pattern, Object first, Object second) {
        return fill(pattern, first, second);
    }

    public String text(String pattern, Object first, Object second, Object third) {
        return fill(pattern, first, second, third);
    }

    /** A missing value reads as nothing, as it does in EL (MessageFormat alone would write "null"). */
    private static String fill(String pattern, Object... values) {
        Object[] shown = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            shown[i] = values[i] == null ? "" : values[i];
        }
        return new MessageFormat(pattern, Locale.US).format(shown);
    }

    public String day(LocalDate day) {
        return Dates.day(day);
    }

    public String weekdayAndDay(LocalDate day) {
        return Dates.weekdayAndDay(day);
    }

    public String range(LocalDate from, LocalDate to) {
        return Dates.range(from, to);
    }

    public String dayWithoutYear(LocalDate day) {
        return Dates.dayWithoutYear(day);
    }

    public String months(LocalDate from, LocalDate to) {
        return Dates.months(from, to);
    }

    /** The pattern of every date picker, so that what it shows is what the page shows. */
    public String getInputPattern() {
        return Dates.INPUT_PATTERN;
    }

    /** What a date field says it takes. */
    public String getInputHint() {
        return Dates.INPUT_HINT;
    }
}
