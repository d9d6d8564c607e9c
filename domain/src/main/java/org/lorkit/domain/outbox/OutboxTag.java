package org.lorkit.domain.outbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Names an outbox row in a return path (VERP) or a Message-ID so that a bounce or a complaint leads back to the
 * row, and a mail made up by anyone else does not: the tag is "&lt;id&gt;.&lt;mac&gt;", the mac the first 60 bits of
 * HMAC-SHA256(key, "lorkit-outbox:" + id) in lowercase base32.
 * <p>
 * A Message-ID's tag is made under another purpose ("lorkit-message-id:"): a Message-ID travels far (a writer's reply
 * to the kit carries it in In-Reply-To, to the student), while the return path stays with the mail servers. So a
 * Message-ID's tag never passes for a return path's, and only a return path may make LorKit act on a report.
 * <p>
 * Base32, not hex: 12 characters carry 60 bits instead of 48, its alphabet (a-z, 2-7) is safe in a local part and
 * in a Message-ID, and it means the same in any case, so a relay or a provider that changes the case of an
 * address does not spoil the tag.
 */
public final class OutboxTag {
    static final int MAC_CHARS = 12;
    private static final String RETURN_PATH_PURPOSE = "lorkit-outbox:";
    private static final String MESSAGE_ID_PURPOSE = "lorkit-message-id:";
    private static final String ALGORITHM = "HmacSHA256";
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String RETURN_PATH_PREFIX = "bounces+";
    private static final String MESSAGE_ID_PREFIX = "outbox-";

    private final SecretKeySpec key;

    public OutboxTag(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("The outbox tag needs a key");
        }
        this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), ALGORITHM);
    }

    /** The key from a configured secret, as its UTF-8 bytes. */
    public static OutboxTag of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The outbox tag needs a secret");
        }
        return new OutboxTag(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** "&lt;id&gt;.&lt;mac&gt;" for a row id (never negative), as a return path carries it. */
    public String tag(long outboxId) {
        return tag(RETURN_PATH_PURPOSE, outboxId);
    }

    private String tag(String purpose, long outboxId) {
        if (outboxId < 0) {
            throw new IllegalArgumentException("An outbox id is never negative: " + outboxId);
        }
        return outboxId + "." + mac(purpose, outboxId);
    }

    /** The row id a return path's tag names, if its mac is right; empty for anything else. Any case. */
    public OptionalLong verify(String tag) {
        return verify(RETURN_PATH_PURPOSE, tag);
    }

    private OptionalLong verify(String purpose, String tag) {
        if (tag == null || !tag.chars().allMatch(c -> c < 128)) {
            return OptionalLong.empty();
        }
        String lower = tag.toLowerCase(Locale.ROOT);
        int dot = lower.indexOf('.');
        if (dot <= 0 || lower.length() - dot - 1 != MAC_CHARS) {
            return OptionalLong.empty();
        }
        String digits = lower.substring(0, dot);
        long id;
        try {
            id = Long.parseLong(digits);
        } catch (NumberFormatException tooLongOrNotDigits) {
            return OptionalLong.empty();
        }
        // Only the one spelling tag() writes: no sign, no leading zeros.
        if (id < 0 || !Long.toString(id).equals(digits)) {
            return OptionalLong.empty();
        }
        byte[] expected = mac(purpose, id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = lower.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** The envelope sender of a row's mail: "bounces+&lt;tag&gt;@domain", where its bounces come back to. */
    public String returnPath(long outboxId, String domain) {
        return RETURN_PATH_PREFIX + tag(outboxId) + "@" + requireHost(domain);
    }

    /** The row a return path names ("bounces+&lt;tag&gt;@any.domain", optionally in &lt;&gt;); empty for anything else. */
    public OptionalLong fromAddress(String address) {
        String plain = unbracketed(address);
        if (plain == null) {
            return OptionalLong.empty();
        }
        int at = plain.lastIndexOf('@');
        if (at < 0 || at == plain.length() - 1 || !startsWithIgnoringCase(plain, RETURN_PATH_PREFIX)) {
            return OptionalLong.empty();
        }
        return verify(plain.substring(RETURN_PATH_PREFIX.length(), at));
    }

    /** A row's Message-ID: "&lt;outbox-&lt;tag&gt;@host&gt;". */
    public String messageId(long outboxId, String host) {
        return "<" + MESSAGE_ID_PREFIX + tag(MESSAGE_ID_PURPOSE, outboxId) + "@" + requireHost(host) + ">";
    }

    /** The row a Message-ID names (with or without its &lt;&gt;); empty for anything else, such as an id of another sender. */
    public OptionalLong fromMessageId(String messageId) {
        String plain = unbracketed(messageId);
        if (plain == null) {
            return OptionalLong.empty();
        }
        int at = plain.indexOf('@');
        if (at < 0 || at == plain.length() - 1 || plain.indexOf('@', at + 1) >= 0
                || !startsWithIgnoringCase(plain, MESSAGE_ID_PREFIX)) {
            return OptionalLong.empty();
        }
        return verify(MESSAGE_ID_PURPOSE, plain.substring(MESSAGE_ID_PREFIX.length(), at));
    }

    private String mac(String purpose, long outboxId) {
        byte[] mac;
        try {
            // A Mac is not thread-safe; one per call costs microseconds.
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            mac = hmac.doFinal((purpose + outboxId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
        // The first 12 base32 characters of the mac are its first 60 bits, 5 to a character.
        long bits = ByteBuffer.wrap(mac).getLong();
        char[] chars = new char[MAC_CHARS];
        for (int i = 0; i < MAC_CHARS; i++) {
            chars[i] = BASE32.charAt((int) (bits >>> (59 - 5 * i)) & 31);
        }
        return new String(chars);
    }

    /** The value without surrounding whitespace and one pair of &lt;&gt;; null if nothing (or a space) is left inside. */
    private static String unbracketed(String value) {
        if (value == null) {
            return null;
        }
        String plain = value.strip();
        if (plain.startsWith("<") && plain.endsWith(">") && plain.length() >= 2) {
            plain = plain.substring(1, plain.length() - 1);
        }
        if (plain.isEmpty() || plain.chars().anyMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>')) {
            return null;
        }
        return plain;
    }

    private static boolean startsWithIgnoringCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static String requireHost(String host) {
        if (host == null || host.isBlank() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '@' || c == '<' || c == '>')) {
            throw new IllegalArgumentException("Not a host name: " + host);
        }
        return host;
    }
}
