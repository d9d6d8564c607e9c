package org.lorkit.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What a read answers: the JSON body with a strong ETag, the SHA-256 of exactly those bytes, so any change of what the
 * caller would read changes the tag; and 304 with no body when the caller's {@code If-None-Match} already has it.
 * {@code Cache-Control: private, no-cache}: the caller may keep it, but asks again each time (the agency's data is
 * nobody else's to cache).
 */
public final class Representations {
    private static final Jsonb JSON = JsonbBuilder.create();

    private Representations() {
    }

    public static Response read(Object body, Request request) {
        String json = JSON.toJson(body);
        EntityTag tag = new EntityTag(hash(json));
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(cache).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).tag(tag).cacheControl(cache).build();
    }

    /** A page with its links also as a Link header. */
    public static Response page(Paging.Body<?> body, Request request) {
        Response response = read(body, request);
        return Response.fromResponse(response).links(Paging.header(body.links())).build();
    }

    static String hash(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
