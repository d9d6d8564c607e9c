package org.lorkit.domain.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How a receiver knows an event comes from LorKit and was not replayed: every delivery carries
 * {@code LorKit-Signature: t=<unix seconds>,v1=<hex>}, where v1 is HMAC-SHA256, keyed with the endpoint's secret (the
 * whole string, "whsec_" included, as UTF-8), over {@code t + "." + body}. The timestamp is the moment of this attempt,
 * so a retry is signed anew; a receiver refuses a timestamp further than {@link #TOLERANCE} from its own clock.
 */
public final class WebhookSignature {
    public static final String HEADER = "LorKit-Signature";
    public static final String EVENT_ID_HEADER = "LorKit-Event-Id";
    public static final String EVENT_TYPE_HEADER = "LorKit-Event-Type";
    /** How far a receiver should accept the timestamp from its own clock (what docs/webhooks.md advises). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes (256 bits), URL-safe Base64, after "whsec_" so that people recognise it. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex HMAC-SHA256 of {@code timestamp + "." + body} under the secret. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The header's value for a delivery attempted at {@code at}: "t=1767225600,v1=5f2c…". */
    public static String header(String secret, Instant at, String body) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + sign(secret, timestamp, body);
    }

    /**
     * What a receiver does: the header's timestamp within {@code tolerance} of {@code now}, and one of its v1
     * signatures equal (compared in constant time) to the one the secret gives for that timestamp and this body.
     */
    public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
        if (header == null || secret == null || body == null) {
            return false;
        }
        Long timestamp = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()
                || Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String signature : signatures) {
            matched |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }

    /** The first characters of a secret, enough for an admin to tell which one a receiver holds ("whsec_3kF9…"). */
    public static String hint(String secret) {
        return secret == null ? "" : secret.substring(0, Math.min(secret.length(), PREFIX.length() + 4)) + "…";
    }
}
