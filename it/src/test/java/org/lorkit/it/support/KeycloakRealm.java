package org.lorkit.it.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Keycloak the build started for the tests (port 8180, realm lorkit). Logs users in without a
 * browser through a test-only client with direct grants, which the tests add to the realm themselves
 * so the realm file carries no such client.
 */
public final class KeycloakRealm {
    public static final String URL = "http://localhost:8180";
    public static final String REALM = URL + "/realms/lorkit";
    public static final String TEST_CLIENT = "lorkit-test-direct-grant";
    public static final String DEMO_PASSWORD = "lorkit-demo";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Users per partial import: one request each, small enough for Keycloak to take in a few seconds. */
    private static final int IMPORT_BATCH = 250;
    /** Admin calls at once when many are needed: a few, so the test's Keycloak (on a small machine) keeps up. */
    private static final int PARALLEL_CALLS = 4;
    private static String manyCallsToken;
    private static long manyCallsTokenAt;

    private KeycloakRealm() {
    }

    /** An access token for the user, as the portal would receive it (audience lorkit-portal). */
    public static String accessToken(String username) {
        ensureTestClient();
        return field(post(REALM + "/protocol/openid-connect/token", form("grant_type", "password", "client_id", TEST_CLIENT,
                "username", username, "password", DEMO_PASSWORD), null), "access_token");
    }

    /**
     * The same token without first making sure the test client is there (three admin calls fewer): for many
     * logins in a row, after one {@link #accessToken} has added the client.
     */
    public static String loginToken(String username) {
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
    public static void allowRedirectsTo(String... baseUrls) {
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
    /** The Keycloak id of the login with exactly this email. */
    private static String userId(String admin, String email) {
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/users?exact=true&email="
                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin).GET().build());
        return field(found.body(), "id");
    }

    /** Gives the login with this email a realm role as well (a person who is both a student and staff, say). */
    public static void addRealmRole(String email, String role) {
        String admin = adminToken();
        String id = userId(admin, email);
        HttpResponse<String> representation = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/roles/" + role))
                .header("Authorization", "Bearer " + admin).GET().build());
        HttpResponse<String> added = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/users/" + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + representation.body() + "]")).build());
        if (added.statusCode() != 204) {
            throw new IllegalStateException("Could not give " + email + " the role " + role + ": " + added.statusCode() + " " + added.body());
        }
    }

    /**
     * Makes the login with this username (created, without a password, if Keycloak has none yet) hold the realm role
     * and be a member of the organization: for a run-as test identity that a service looks up in Keycloak. Safe to
     * repeat. Returns the login's id.
     */
    public static String ensureMember(String organizationId, String username, String role) {
        String admin = adminToken();
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin).GET().build());
        String id;
        if (found.body().contains("\"id\"")) {
            id = field(found.body(), "id");
        } else {
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/users"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"username":"%s","email":"%s","firstName":"Test","lastName":"Staff","enabled":true,"emailVerified":true}"""
                            .formatted(username, username))).build());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Could not create " + username + ": " + created.statusCode() + " " + created.body());
            }
            String location = created.headers().firstValue("Location").orElseThrow();
            id = location.substring(location.lastIndexOf('/') + 1);
        }
        HttpResponse<String> representation = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/roles/" + role))
                .header("Authorization", "Bearer " + admin).GET().build());
        HttpResponse<String> granted = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/users/" + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + representation.body() + "]")).build());
        if (granted.statusCode() != 204) {
            throw new IllegalStateException("Could not give " + username + " the role " + role + ": " + granted.statusCode() + " " + granted.body());
        }
        HttpResponse<String> added = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/organizations/" + organizationId + "/members"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(id)).build());
        if (added.statusCode() != 201 && added.statusCode() != 409) {
            throw new IllegalStateException("Could not add " + username + " to the organization: " + added.statusCode() + " " + added.body());
        }
        return id;
    }

    public static void giveDemoPassword(String email) {
        String admin = adminToken();
        String id = userId(admin, email);
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

    /**
     * Makes this many people members of the organization straight through the Admin API, far faster than
     * invitations (no role, no email, no password): the users by partial imports of a few hundred each, then
     * their memberships a few calls at a time. Returns the new users' ids by email.
     */
    public static Map<String, String> addMembers(String organizationId, List<String> emails) {
        Map<String, String> ids = new ConcurrentHashMap<>();
        for (int from = 0; from < emails.size(); from += IMPORT_BATCH) {
            String users = emails.subList(from, Math.min(emails.size(), from + IMPORT_BATCH)).stream()
                    .map(email -> """
                            {"username":"%s","email":"%s","firstName":"Member","lastName":"%s","enabled":true,"emailVerified":true}"""
                            .formatted(email, email, email.substring(0, email.indexOf('@'))))
                    .collect(Collectors.joining(","));
            HttpResponse<String> imported = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/partialImport"))
                    .header("Authorization", "Bearer " + adminTokenForMany()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"ifResourceExists\":\"FAIL\",\"users\":[" + users + "]}")).build());
            if (imported.statusCode() != 200) {
                throw new IllegalStateException("Could not import users: " + imported.statusCode() + " " + imported.body());
            }
            // Each result names the user (by username, which is the email) and gives the id Keycloak chose.
            Matcher result = Pattern.compile("\\{[^{}]*\"resourceName\"[^{}]*\\}").matcher(imported.body());
            while (result.find()) {
                ids.put(field(result.group(), "resourceName"), field(result.group(), "id"));
            }
        }
        if (ids.size() != emails.size()) {
            throw new IllegalStateException("Keycloak imported " + ids.size() + " of " + emails.size() + " users");
        }
        inParallel(emails, email -> {
            HttpResponse<String> added = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/organizations/" + organizationId + "/members"))
                    .header("Authorization", "Bearer " + adminTokenForMany()).header("Content-Type", "application/json")
                    // the bare id, as Keycloak's own admin client sends it (newer versions also take it quoted)
                    .POST(HttpRequest.BodyPublishers.ofString(ids.get(email))).build());
            if (added.statusCode() != 201) {
                throw new IllegalStateException("Could not add " + email + " to the organization: " + added.statusCode() + " " + added.body());
            }
        });
        return ids;
    }

    /** Deletes these users, a few calls at a time (what {@link #addMembers} made, once a test is done with it). */
    public static void deleteUsers(Collection<String> userIds) {
        inParallel(List.copyOf(userIds), id -> {
            HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/lorkit/users/" + id))
                    .header("Authorization", "Bearer " + adminTokenForMany()).DELETE().build());
            if (deleted.statusCode() != 204 && deleted.statusCode() != 404) {
                throw new IllegalStateException("Could not delete the user " + id + ": " + deleted.statusCode() + " " + deleted.body());
            }
        });
    }

    private static void inParallel(List<String> items, Consumer<String> work) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CALLS);
        try {
            List<Future<?>> calls = items.stream().<Future<?>>map(item -> pool.submit(() -> work.accept(item))).toList();
            for (Future<?> call : calls) {
                call.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The admin token for many calls in a row: fetched again after 30 s, well before the master realm's 60 s expire it. */
    private static synchronized String adminTokenForMany() {
        if (manyCallsToken == null || System.nanoTime() - manyCallsTokenAt > TimeUnit.SECONDS.toNanos(30)) {
            manyCallsToken = adminToken();
            manyCallsTokenAt = System.nanoTime();
        }
        return manyCallsToken;
    }

    private static String adminToken() {
        return field(post(URL + "/realms/master/protocol/openid-connect/token",
                form("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null), "access_token");
    }

    public static String form(String... pairs) {
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
    public static HttpResponse<String> page(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:8080" + path)).header("Accept", "text/html");
        if (user != null) {
            request.header("Authorization", "Bearer " + accessToken(user));
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        }
    }

    public static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
