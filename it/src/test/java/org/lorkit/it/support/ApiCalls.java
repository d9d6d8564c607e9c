package org.lorkit.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * LorKit's REST API as an agency's system calls it: a token by the client credentials grant of an API client, then JSON
 * over HTTP with that bearer token.
 */
public final class ApiCalls {
    public static final String API = "http://localhost:8080/api/v1";
    public static final String TOKEN_URL = KeycloakRealm.REALM + "/protocol/openid-connect/token";

    private ApiCalls() {
    }

    /** The token endpoint's answer to the client credentials grant, whatever it is (a revoked client gets an error). */
    public static HttpResponse<String> clientCredentials(String clientId, String secret) {
        return KeycloakRealm.send(HttpRequest.newBuilder(URI.create(TOKEN_URL)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakRealm.form("grant_type", "client_credentials",
                        "client_id", clientId, "client_secret", secret))).build());
    }

    public static String token(String clientId, String secret) {
        HttpResponse<String> response = clientCredentials(clientId, secret);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        return KeycloakRealm.field(response.body(), "access_token");
    }

    /** A request to the API (a path below /api/v1, or a whole address), with the token when there is one. */
    public static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : API + path))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    public static HttpResponse<String> send(HttpRequest request) {
        return KeycloakRealm.send(request);
    }

    public static HttpResponse<String> get(String path, String token) {
        return KeycloakRealm.send(request(path, token).GET().build());
    }

    public static HttpResponse<String> post(String path, String token, String json) {
        return KeycloakRealm.send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static HttpResponse<String> put(String path, String token, String json) {
        return KeycloakRealm.send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** The OpenAPI document WildFly serves, as JSON. */
    public static JsonObject openApi() {
        HttpResponse<String> response = KeycloakRealm.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/openapi?format=JSON"))
                .header("Accept", "application/json").GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/openapi answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }
}
