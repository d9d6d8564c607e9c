package org.lorkit.domain.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A 256-bit random token, URL-safe. Only its SHA-256 hash is ever stored; the token itself exists in
 * memory while an email is rendered and in the attending's inbox.
 */
public final class CapabilityToken {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;
    /** 32 bytes in URL-safe base64 without padding. */
    public static final int LENGTH = 43;

    private CapabilityToken() {
    }

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 of the token: what the database keeps and looks up. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether the text could be a token at all: anything else is refused before the database is asked. */
    public static boolean isWellFormed(String token) {
        return token != null && token.length() == LENGTH && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
