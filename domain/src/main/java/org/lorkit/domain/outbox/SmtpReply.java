package org.lorkit.domain.outbox;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to do about the relay's immediate answer to a mail it did not take: the text of the mail exception, such as
 * "550 5.1.1 &lt;a@b&gt;: Recipient address rejected: User unknown", perhaps over several lines ("552-5.2.2 ..."),
 * behind a tag like "[EOF]" or the name of a nested exception, or with no reply code at all when the connection failed.
 * <p>
 * The enhanced status code (RFC 3463) says more than the basic one, so it decides when there is one: only a bad,
 * full or disabled mailbox or an unreachable destination is the recipient's address failing; a refused policy,
 * login or relaying is ours to fix, and retrying or bouncing the student's request would not help.
 */
public final class SmtpReply {

    public enum Outcome {
        /** The address will not take mail: mark the mail bounced. */
        BOUNCE,
        /** The relay refuses us (policy, authentication, relaying, protocol): an operator must act; the address is not at fault. */
        OPERATOR,
        /** A temporary refusal or no answer at all: try again later. */
        RETRY
    }

    /**
     * A reply line: optionally behind a "[tag]" and a "some.Exception: " prefix, a basic code followed by a space, a dash
     * or the end of the line, and perhaps an enhanced code; or an enhanced code alone.
     */
    private static final Pattern LINE = Pattern.compile("^\\s*(?:\\[[^\\]]*]\\s*)?(?:[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*:\\s*)?"
            + "(?:(?<basic>[2-5]\\d\\d)(?:[ -]|$)\\s*)?(?<enhanced>[245]\\.\\d{1,3}\\.\\d{1,3}(?![\\d.]))?");
    private static final String MEANINGLESS = "5.0.0";

    private SmtpReply() {
    }

    public static Outcome classify(String reply) {
        Codes codes = read(reply);
        if (codes.basic().isPresent()) {
            int basic = codes.basic().getAsInt();
            if (basic / 100 != 5) {
                return Outcome.RETRY;
            }
            if (codes.enhanced().isPresent() && !codes.enhanced().get().equals(MEANINGLESS)) {
                return byEnhanced(codes.enhanced().get());
            }
            return basic >= 550 && basic <= 553 ? Outcome.BOUNCE : Outcome.OPERATOR;
        }
        if (codes.enhanced().isPresent()) {
            String enhanced = codes.enhanced().get();
            if (!enhanced.startsWith("5.")) {
                return Outcome.RETRY;
            }
            return enhanced.equals(MEANINGLESS) ? Outcome.OPERATOR : byEnhanced(enhanced);
        }
        return Outcome.RETRY;
    }

    /** The enhanced status code ("5.1.1") of the first reply line that has a code; empty if it has none. */
    public static Optional<String> enhancedCode(String reply) {
        return read(reply).enhanced();
    }

    /** The basic reply code (550) of the first reply line that has one. */
    public static OptionalInt basicCode(String reply) {
        return read(reply).basic();
    }

    private static Outcome byEnhanced(String enhanced) {
        String subject = enhanced.substring(2, enhanced.indexOf('.', 2));
        return switch (subject) {
            // addressing (bad mailbox or domain), mailbox (full, disabled), network and routing
            case "1", "2", "4" -> Outcome.BOUNCE;
            // security and policy (7), mail system (3), protocol (5), content (6) and anything new
            default -> Outcome.OPERATOR;
        };
    }

    private record Codes(OptionalInt basic, Optional<String> enhanced) {
        static final Codes NONE = new Codes(OptionalInt.empty(), Optional.empty());
    }

    private static Codes read(String reply) {
        if (reply == null) {
            return Codes.NONE;
        }
        Codes enhancedOnly = null;
        for (String line : reply.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (!m.lookingAt()) {
                continue;
            }
            String basic = m.group("basic");
            String enhanced = m.group("enhanced");
            if (basic != null) {
                // RFC 2034: the enhanced code's class repeats the basic code's first digit; one that does not is not trusted.
                boolean agrees = enhanced != null && enhanced.charAt(0) == basic.charAt(0);
                return new Codes(OptionalInt.of(Integer.parseInt(basic)), agrees ? Optional.of(enhanced) : Optional.empty());
            }
            if (enhanced != null && enhancedOnly == null) {
                enhancedOnly = new Codes(OptionalInt.empty(), Optional.of(enhanced));
            }
        }
        return enhancedOnly != null ? enhancedOnly : Codes.NONE;
    }
}
