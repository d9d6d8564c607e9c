package org.lorkit.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Keycloak the build started for the tests (port 8180, realm lorkit). Logs users in without a
 * browser through a test-only client with direct grants, which the tests add to the realm themselves
 * so the realm file carries no such client.
 */
final class TestKeycloak {
    static final String URL = "http://localhost:8180";
    static final String REALM = URL + "/realms/lorkit";
    static final String TEST_CLIENT = "lorkit-test-direct-grant";
    static final String DEMO_PASSWORD = "lorkit-demo";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestKeycloak() {
    }

    /** An access token for the user, as the portal would receive it (audience lorkit-portal). */
    static String accessToken(String username) {
        ensureTestClient();
        return field(post(REALM + "/protocol/openid-connect/token", form("grant_type", "password", "client_id", TEST_CLIENT,
                "username", username, "password", DEMO_PASSWORD), null), "access_token");
    }

    /**
     * The same token without first making sure the test client is there (three admin calls fewer): for many
     * logins in a row, after one {@link #accessToken} has added the client.
     */
    static String loginToken(String username) {
        return field(post(REALM + "/protocol/openid-connect/token", form("grant_type", "password", "client_id", TEST_CLIENT,
                "username", username, "password", DEMO_PASSWORD), null), "access_token");
    }

    private static synchronized void ensureTestClient() {
        String admin = adminToken();
        String client = """
                {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false,
                 "defaultClientScopes":["web-origins","acr","profile","roles","basic","email","organization"],
                 "protocolMappers":[{"name":"portal-audience","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
                   "config":{"included.client.audience":"lorkit-portal","access.token.claim":"true","id.token.claim":"false"}}]}
                """.formatted(TEST_CLIENT);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/clients"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client)).build());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Could not add the test client: " + created.statusCode() + " " + created.body());
        }
    }

    /**
     * Lets the portal's login come back to other LorKit addresses too (the cluster test's nodes), besides the
     * realm file's http://localhost:8080. Keycloak updates only the fields a client update carries.
     */
    static void allowRedirectsTo(String... baseUrls) {
        String admin = adminToken();
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/clients?clientId=lorkit-portal"))
                .header("Authorization", "Bearer " + admin).GET().build());
        String id = field(found.body(), "id");
        StringBuilder uris = new StringBuilder("\"http://localhost:8080/*\"");
        for (String base : baseUrls) {
            uris.append(",\"").append(base).append("/*\"");
        }
        HttpResponse<String> updated = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/clients/" + id))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"redirectUris\":[" + uris + "]}")).build());
        if (updated.statusCode() != 204) {
            throw new IllegalStateException("Could not update the portal's redirect URIs: " + updated.statusCode() + " " + updated.body());
        }
    }

    /**
     * Gives an invited login the demo password and clears what the invitation asked of it (set a password,
     * verify the email), so a test can act as a person of an agency it created.
     */
    static void giveDemoPassword(String email) {
        String admin = adminToken();
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/users?exact=true&email="
                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin).GET().build());
        String id = field(found.body(), "id");
        for (String[] change : new String[][]{
                {"/reset-password", "{\"type\":\"password\",\"value\":\"" + DEMO_PASSWORD + "\",\"temporary\":false}"},
                {"", "{\"requiredActions\":[],\"emailVerified\":true}"}}) {
            HttpResponse<String> changed = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/users/" + id + change[0]))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(change[1])).build());
            if (changed.statusCode() != 204) {
                throw new IllegalStateException("Could not set up " + email + ": " + changed.statusCode() + " " + changed.body());
            }
        }
    }

    private static String adminToken() {
        return field(post(URL + "/realms/master/protocol/openid-connect/token",
                form("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null), "access_token");
    }

    static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static String post(String url, String form, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A LorKit page as a browser asks for it, logged in as the user (bearer token) or anonymously (null). */
    static HttpResponse<String> page(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:8080" + path)).header("Accept", "text/html");
        if (user != null) {
            request.header("Authorization", "Bearer " + accessToken(user));
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        }
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
