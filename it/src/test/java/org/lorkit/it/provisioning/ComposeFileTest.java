package org.lorkit.it.provisioning;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Docker cannot run on the build machines, so this reads the production stack instead of starting it:
 * docker/compose.yaml (with the values of docker/.env.example), docker/Dockerfile, docker/haproxy.cfg,
 * docker/check-secrets.sh (which it runs) and docker/postgres/init-databases.sh, against the pom's versions,
 * the realm files (production and demo, as keycloak.sh prepares them), WEB-INF/oidc.json and the
 * environment variables LorKit's code reads, which it collects from the sources, so that it keeps holding
 * (or fails) as the code changes.
 */
class ComposeFileTest {
    private static final Path ROOT = Path.of(System.getProperty("lorkit.project.root", ".."));
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final Path REALM_FILE = ROOT.resolve("ear/src/main/keycloak/lorkit-realm.json");
    /** WildFly's management interface: readiness, liveness and metrics, inside the network only. */
    private static final int MANAGEMENT_PORT = 9990;
    /** The demo logins' password (KeycloakRealm.DEMO_PASSWORD). */
    private static final String TEST_PASSWORD = "lorkit-demo";

    /** Read by the code, yet their defaults are right in production: the nodes need not set them. */
    private static final Set<String> DEFAULTS_FIT_FOR_PRODUCTION = Set.of(
            "LORKIT_OUTBOX_INTERVAL_MS", "LORKIT_OUTBOX_SENDERS", "LORKIT_REMINDERS_INTERVAL_MS",
            "LORKIT_DIGEST_HOUR", "LORKIT_OUTBOX_READY_MAX_AGE_MINUTES", "LORKIT_METRICS_STATISTICS",
            // Off unless set: production never sends webhooks to localhost.
            "LORKIT_WEBHOOKS_ALLOW_LOCALHOST");

    private static Map<String, Object> compose;
    private static Map<String, String> envExample;
    private static Set<String> composeVariables;
    private static String dockerfile;
    private static HaProxy haproxy;
    private static Map<String, Object> realm;

    @BeforeAll
    static void read() throws IOException {
        envExample = envFile(DOCKER.resolve(".env.example"));
        composeVariables = new TreeSet<>();
        String text = Files.readString(DOCKER.resolve("compose.yaml"));
        Matcher variable = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(text.replace("$$", ""));
        while (variable.find()) {
            composeVariables.add(variable.group(1));
        }
        compose = new Yaml().load(text);
        dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        haproxy = HaProxy.parse(Files.readString(DOCKER.resolve("haproxy.cfg")));
        realm = new Yaml().load(Files.readString(REALM_FILE));
    }

    // ---------------------------------------------------------------------------------------------------
    // Versions and images

    @Test
    void the_images_are_the_versions_of_the_pom() {
        String wildfly = property("wildfly.version");
        assertThat(dockerfile).contains("FROM quay.io/wildfly/wildfly:" + wildfly + "-jdk17");
        assertThat(dockerfile).contains("ear/target/wildfly-" + wildfly);

        assertThat(service("keycloak").get("image")).isEqualTo("quay.io/keycloak/keycloak:" + property("keycloak.version"));
        assertThat(service("postgres").get("image")).isEqualTo("postgres:" + property("postgresql.server.version"));
    }

    @Test
    void every_image_is_pinned_or_built_here() {
        services().forEach((name, service) -> {
            if (service.containsKey("build")) {
                assertThat(map(service.get("build")).get("dockerfile")).as(name).isEqualTo("docker/Dockerfile");
                return;
            }
            String image = string(service.get("image"));
            assertThat(image).as("image of %s", name).matches("[^:]+:[^:]+").doesNotEndWith(":latest");
        });
    }

    // ---------------------------------------------------------------------------------------------------
    // The LorKit nodes

    @Test
    void two_nodes_built_from_the_dockerfile_run_the_ha_configuration_under_their_own_names() {
        assertThat(nodes()).hasSize(2);
        for (String node : nodes()) {
            Map<String, Object> service = service(node);
            List<String> command = strings(service.get("command"));
            assertThat(command).as("command of %s", node)
                    .containsSequence("-c", "lorkit-ha.xml")
                    .contains("-Djboss.node.name=" + node);
            assertThat(service.get("hostname")).as("hostname of %s", node).isEqualTo(node);
            // Configuration comes from the environment only; the test-only switches (clean database on
            // start, movable clock, demo data) are system properties that production never sets.
            assertThat(command).as("command of %s", node).noneMatch(argument -> argument.startsWith("-Dlorkit."));
            assertThat(service).as(node).doesNotContainKey("entrypoint");
        }
        assertThat(dockerfile).contains("standalone/configuration/lorkit-ha.xml");
        assertThat(dockerfile).contains("standalone/configuration/lorkit.xml");

        // The image's entrypoint hands the container's address to JGroups, and WildFly's HTTP to everyone.
        assertThat(dockerfile).contains("ENTRYPOINT [\"/opt/jboss/lorkit-node.sh\"]").contains("docker/lorkit-node.sh");
        String entrypoint = read(DOCKER.resolve("lorkit-node.sh"));
        assertThat(entrypoint).contains("-Djboss.bind.address.private=").contains("-b 0.0.0.0").contains("\"$@\"");
        assertThat(DOCKER.resolve("lorkit-node.sh").toFile().canExecute()).as("lorkit-node.sh is executable").isTrue();
    }

    @Test
    void the_application_reads_the_variables_this_test_collects() {
        // One of each kind of source, so that a scan that stops finding things fails here.
        assertThat(applicationVariables()).contains(
                "LORKIT_DB_URL",              // configure.cli
                "LORKIT_OIDC_SECRET",         // WEB-INF/oidc.json
                "LORKIT_SMTP_HOST",           // Settings: new Setting("lorkit.smtp.host", "LORKIT_SMTP_HOST")
                "LORKIT_REMINDERS_INTERVAL_MS"); // Settings, read by ReminderScheduler
        assertThat(applicationVariables()).containsAll(DEFAULTS_FIT_FOR_PRODUCTION);
    }

    @Test
    void the_nodes_set_every_variable_the_application_needs_and_none_it_does_not_read() {
        Set<String> needed = new TreeSet<>(applicationVariables());
        needed.removeAll(DEFAULTS_FIT_FOR_PRODUCTION);
        for (String node : nodes()) {
            Set<String> set = environment(node).keySet();
            assertThat(difference(set, applicationVariables())).as("variables of %s that LorKit does not read", node).isEmpty();
            assertThat(difference(needed, set)).as("variables LorKit reads that %s does not set", node).isEmpty();
        }
        assertThat(environment("lorkit-1")).isEqualTo(environment("lorkit-2"));
    }

    @Test
    void the_database_is_the_lorkit_database_of_the_postgres_service() {
        Map<String, String> node = resolvedEnvironment("lorkit-1");
        assertThat(node.get("LORKIT_DB_DRIVER")).as("a JDBC driver configure.cli registers").isIn(wildflyJdbcDrivers());

        URI url = jdbcUrl(node.get("LORKIT_DB_URL"));
        assertThat(url.getScheme()).isEqualTo("postgresql");
        assertThat(url.getHost()).isEqualTo("postgres");
        assertThat(exposedPorts("postgres")).contains(url.getPort());
        String database = url.getPath().substring(1);
        assertThat(createdDatabases()).containsEntry(database, node.get("LORKIT_DB_USER"));

        // The superuser's, LorKit's and Keycloak's passwords reach the init script from the same variables.
        Map<String, Object> postgres = service("postgres");
        assertThat(strings(postgres.get("volumes"))).contains(
                "./postgres/init-databases.sh:/docker-entrypoint-initdb.d/init-databases.sh:ro");
        assertThat(environment("postgres").get("LORKIT_DB_PASSWORD")).isEqualTo(environment("lorkit-1").get("LORKIT_DB_PASSWORD"));
        assertThat(environment("postgres").get("KEYCLOAK_DB_PASSWORD")).isEqualTo(environment("keycloak").get("KC_DB_PASSWORD"));
        assertThat(read(DOCKER.resolve("postgres/init-databases.sh")))
                .contains("$LORKIT_DB_PASSWORD").contains("$KEYCLOAK_DB_PASSWORD");

        // Every pool fits in PostgreSQL's connections, with room for psql and the superuser.
        int maxConnections = Integer.parseInt(commandOption(strings(postgres.get("command")), "max_connections"));
        int pools = nodes().stream().mapToInt(n -> Integer.parseInt(resolvedEnvironment(n).get("LORKIT_DB_POOL_MAX"))).sum()
                + Integer.parseInt(resolvedEnvironment("keycloak").get("KC_DB_POOL_MAX_SIZE"));
        assertThat(pools).isLessThan(maxConnections - 10);
    }

    @Test
    void mail_goes_to_the_relay_service_on_its_smtp_port() {
        for (Map<String, String> sender : List.of(resolvedEnvironment("lorkit-1"), resolvedEnvironment("keycloak"))) {
            String host = sender.get("LORKIT_SMTP_HOST");
            assertThat(services()).containsKey(host);
            assertThat(exposedPorts(host)).contains(Integer.parseInt(sender.get("LORKIT_SMTP_PORT")));
            assertThat(host).isEqualTo("smtp");
        }
        Map<String, String> node = resolvedEnvironment("lorkit-1");
        assertThat(node.get("LORKIT_SMTP_STARTTLS")).isIn("true", "false");

        // The relay accepts the senders of both: LorKit's address and the realm's.
        Set<String> allowed = Set.of(resolvedEnvironment("smtp").get("ALLOWED_SENDER_DOMAINS").split("[\\s,]+"));
        assertThat(allowed).contains(domain(node.get("LORKIT_MAIL_FROM")));
        assertThat(allowed).contains(domain(string(map(realm.get("smtpServer")).get("from"))));
    }

    @Test
    void login_and_provisioning_point_at_keycloak_and_the_realm() {
        String realmName = string(realm.get("realm"));
        Map<String, String> node = resolvedEnvironment("lorkit-1");
        Map<String, String> keycloak = resolvedEnvironment("keycloak");

        // The issuer: Keycloak's public URL (KC_HOSTNAME) and the realm of lorkit-realm.json.
        assertThat(node.get("LORKIT_OIDC_PROVIDER_URL")).isEqualTo(keycloak.get("KC_HOSTNAME") + "/realms/" + realmName);
        // Browsers and nodes use that one URL: inside the network it must name the load balancer, which
        // publishes its port and hands it to Keycloak.
        URI publicKeycloak = URI.create(keycloak.get("KC_HOSTNAME"));
        assertThat(namesInNetwork("lb")).contains(publicKeycloak.getHost());
        assertThat(publishedPorts("lb")).contains(publicKeycloak.getPort());
        List<String> toKeycloak = haproxy.backendBehind(publicKeycloak.getPort()).servers();
        assertThat(toKeycloak).hasSize(1);
        URI server = URI.create("http://" + toKeycloak.get(0));
        assertThat(server.getHost()).isEqualTo("keycloak");
        assertThat(exposedPorts("keycloak")).contains(server.getPort());

        // The Admin API inside the network.
        URI admin = URI.create(node.get("LORKIT_KEYCLOAK_URL"));
        assertThat(admin.getHost()).isEqualTo("keycloak");
        assertThat(exposedPorts("keycloak")).contains(admin.getPort());
        assertThat(node.get("LORKIT_KEYCLOAK_REALM")).isEqualTo(realmName);

        // The clients: the portal of oidc.json, the service account for provisioning.
        Map<String, Object> oidc = new Yaml().load(read(ROOT.resolve("web/src/main/webapp/WEB-INF/oidc.json")));
        assertThat(node.get("LORKIT_OIDC_CLIENT_ID")).isEqualTo(oidc.get("client-id"));
        Map<String, Object> portal = realmClient(node.get("LORKIT_OIDC_CLIENT_ID"));
        assertThat(realmClient(node.get("LORKIT_ADMIN_CLIENT_ID")).get("serviceAccountsEnabled")).isEqualTo(true);

        // Both secrets reach Keycloak (the realm's placeholders) and LorKit from the same variable.
        for (String secret : List.of("LORKIT_OIDC_SECRET", "LORKIT_ADMIN_CLIENT_SECRET")) {
            assertThat(environment("keycloak").get(secret)).as(secret).isEqualTo(environment("lorkit-1").get(secret));
            assertThat(envExample.get(secret)).as(secret).isNotBlank();
        }

        // Keycloak sends the login back to LorKit's public address, which the load balancer publishes.
        String baseUrl = node.get("LORKIT_BASE_URL");
        assertThat(strings(portal.get("redirectUris")).stream().map(uri -> realmValue(uri, keycloak)))
                .as("lorkit-portal's redirect URIs").contains(baseUrl + "/*");
        URI base = URI.create(baseUrl);
        assertThat(publishedPorts("lb")).contains(base.getPort());
        assertThat(haproxy.backendBehind(base.getPort()).servers()).isEqualTo(nodeServers());
    }

    @Test
    void keycloak_runs_in_production_mode_on_postgresql_and_imports_the_realm_file() {
        Map<String, Object> service = service("keycloak");
        List<String> command = strings(service.get("command"));
        assertThat(command).first().isEqualTo("start");
        assertThat(command).contains("--import-realm").doesNotContain("start-dev");

        Map<String, String> keycloak = resolvedEnvironment("keycloak");
        assertThat(keycloak).containsEntry("KC_DB", "postgres")
                .containsEntry("KC_HTTP_ENABLED", "true")
                .containsEntry("KC_PROXY_HEADERS", "xforwarded")
                .containsEntry("KC_HEALTH_ENABLED", "true");
        assertThat(keycloak.get("KC_HOSTNAME")).isNotBlank();
        assertThat(keycloak.get("KC_BOOTSTRAP_ADMIN_PASSWORD")).isNotBlank();
        URI url = jdbcUrl(keycloak.get("KC_DB_URL"));
        assertThat(url.getHost()).isEqualTo("postgres");
        assertThat(exposedPorts("postgres")).contains(url.getPort());
        assertThat(createdDatabases()).containsEntry(url.getPath().substring(1), keycloak.get("KC_DB_USERNAME"));

        // Only the production realm is imported: no users file, nothing of the demo.
        assertThat(strings(service.get("volumes")).stream().filter(volume -> volume.contains("/data/import")))
                .containsExactly("../ear/src/main/keycloak/lorkit-realm.json:/opt/keycloak/data/import/lorkit-realm.json:ro");
        assertThat(String.join(" ", strings(service.get("volumes")))).doesNotContain("keycloak/demo", "-users-");
        // Every placeholder of the realm file gets its value from the compose file, not its development default.
        assertThat(difference(realmPlaceholders(), environment("keycloak").keySet())).as("realm placeholders Keycloak is not given").isEmpty();

        // The load balancer checks Keycloak's health on its management port.
        Backend backend = haproxy.backendBehind(URI.create(keycloak.get("KC_HOSTNAME")).getPort());
        assertThat(backend.checkUri()).isEqualTo("/health/ready");
        assertThat(exposedPorts("keycloak")).contains(backend.checkPort());
    }

    // ---------------------------------------------------------------------------------------------------
    // The realm: production and demo

    @Test
    @SuppressWarnings("unchecked")
    void the_production_realm_has_no_logins_and_no_organizations() {
        // Its only user is the provisioning client's service account, which cannot sign in.
        for (Map<String, Object> user : (List<Map<String, Object>>) realm.getOrDefault("users", List.of())) {
            assertThat(user).as("user %s of lorkit-realm.json", user.get("username"))
                    .containsKey("serviceAccountClientId").doesNotContainKey("credentials");
            assertThat(realmClient(string(user.get("serviceAccountClientId"))).get("serviceAccountsEnabled")).isEqualTo(true);
        }
        assertThat(read(REALM_FILE)).doesNotContain("\"credentials\"", TEST_PASSWORD);
        // Organizations come from LorKit (an agency's, when the platform operator creates it), not from the file.
        assertThat(realm).doesNotContainKey("organizations").containsEntry("organizationsEnabled", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_demo_logins_and_organizations_reach_only_the_keycloak_of_run_sh_and_the_tests() throws Exception {
        Path production = Files.createTempDirectory("realm-import");
        Path demo = Files.createTempDirectory("realm-import-demo");
        try {
            // Without --demo, keycloak.sh imports the production realm as it is.
            prepareImport(production, false);
            assertThat(files(production, ".json")).extracting(path -> path.getFileName().toString()).containsExactly("lorkit-realm.json");
            assertThat(production.resolve("lorkit-realm.json")).hasSameTextualContentAs(REALM_FILE);

            // With --demo: the realm with the demo's organizations, and the demo logins in Keycloak's users file.
            prepareImport(demo, true);
            assertThat(files(demo, ".json")).extracting(path -> path.getFileName().toString())
                    .containsExactly("lorkit-realm.json", "lorkit-users-0.json");
            Map<String, Object> imported = new Yaml().load(read(demo.resolve("lorkit-realm.json")));
            Map<String, Object> withoutOrganizations = new LinkedHashMap<>(imported);
            List<Map<String, Object>> organizations = (List<Map<String, Object>>) withoutOrganizations.remove("organizations");
            assertThat(withoutOrganizations).as("the imported realm is the production realm plus organizations").isEqualTo(realm);

            Map<String, Object> usersFile = new Yaml().load(read(demo.resolve("lorkit-users-0.json")));
            assertThat(usersFile.get("realm")).isEqualTo(realm.get("realm"));
            List<Map<String, Object>> users = (List<Map<String, Object>>) usersFile.get("users");
            Set<String> usernames = users.stream().map(user -> string(user.get("username"))).collect(Collectors.toSet());
            assertThat(usernames).contains("operator@lorkit.example", "admin@bridgeway.example", "staff@northstar.example");
            for (Map<String, Object> user : users) {
                assertThat(strings(user.get("realmRoles"))).as("roles of %s", user.get("username"))
                        .isSubsetOf(realmRoles());
            }
            // Every member of a demo organization is a demo login; the organizations are the demo agencies'.
            for (Map<String, Object> organization : organizations) {
                for (Map<String, Object> member : (List<Map<String, Object>>) organization.get("members")) {
                    assertThat(usernames).as("members of %s", organization.get("alias")).contains(string(member.get("username")));
                }
            }
            assertThat(organizations).extracting(organization -> organization.get("alias"))
                    .containsExactlyInAnyOrder(org.lorkit.application.demo.DemoData.SLUG, org.lorkit.application.demo.DemoData.SECOND_SLUG);
        } finally {
            deleteTree(production);
            deleteTree(demo);
        }

        // The callers that want the demo say so: ./run.sh, the build's Keycloak and KeycloakOutageIT's restart.
        assertThat(read(ROOT.resolve("run.sh"))).contains("--demo \"$root/ear/src/main/keycloak/demo\"");
        String pom = read(ROOT.resolve("pom.xml"));
        assertThat(pom).contains("<it.keycloak.demo>${lorkit.ear.module}/src/main/keycloak/demo</it.keycloak.demo>");
        assertThat(pom).contains("<argument>--demo</argument>\n                                    <argument>${it.keycloak.demo}</argument>");
        assertThat(pom).contains("<lorkit.it.keycloak.demo>${it.keycloak.demo}</lorkit.it.keycloak.demo>");
    }

    private static void prepareImport(Path into, boolean demo) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("ear/src/main/scripts/keycloak.sh").toString(), "prepare",
                into.toString(), REALM_FILE.toString()));
        if (demo) {
            command.addAll(List.of("--demo", ROOT.resolve("ear/src/main/keycloak/demo").toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("keycloak.sh prepare: %s", output).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> realmRoles() {
        Set<String> roles = new TreeSet<>(Set.of("default-roles-" + realm.get("realm")));
        ((List<Map<String, Object>>) map(realm.get("roles")).get("realm")).forEach(role -> roles.add(string(role.get("name"))));
        return roles;
    }

    // ---------------------------------------------------------------------------------------------------
    // Secrets

    @Test
    void no_service_gets_a_secret_before_check_secrets_has_refused_example_and_development_values() throws Exception {
        Map<String, Object> check = service("check-secrets");
        assertThat(strings(check.get("volumes"))).contains("./check-secrets.sh:/usr/local/bin/check-secrets.sh:ro");
        assertThat(strings(check.get("entrypoint"))).containsExactly("sh", "/usr/local/bin/check-secrets.sh");
        assertThat(DOCKER.resolve("check-secrets.sh").toFile().canExecute()).as("check-secrets.sh is executable").isTrue();

        // It checks every secret of the stack, given to it the way the other services get it.
        Set<String> secrets = stackSecrets();
        assertThat(secrets).contains("LORKIT_DB_PASSWORD", "LORKIT_OIDC_SECRET", "LORKIT_ADMIN_CLIENT_SECRET",
                "KEYCLOAK_DB_PASSWORD", "KEYCLOAK_ADMIN_PASSWORD", "POSTGRES_PASSWORD",
                "LORKIT_BOUNCE_SECRET", "LORKIT_BOUNCE_IMAP_PASSWORD");
        assertThat(strings(check.get("command"))).containsExactlyInAnyOrderElementsOf(secrets);
        assertThat(environment("check-secrets").keySet()).containsExactlyInAnyOrderElementsOf(secrets);
        secrets.forEach(secret -> assertThat(environment("check-secrets").get(secret)).as(secret).startsWith("${" + secret + ":?"));

        // Every service given a secret waits until the check has passed.
        services().forEach((name, service) -> {
            if (name.equals("check-secrets")) {
                return;
            }
            boolean given = environment(name).values().stream().anyMatch(value -> secrets.stream().anyMatch(secret -> value.contains("${" + secret)));
            if (given) {
                Map<String, Object> dependsOn = map(service.getOrDefault("depends_on", Map.of()));
                assertThat(dependsOn).as("%s waits for check-secrets", name).containsKey("check-secrets");
                assertThat(map(dependsOn.get("check-secrets")).get("condition")).as(name).isEqualTo("service_completed_successfully");
            }
        });

        // The script itself: .env.example as it is does not start the stack, and every secret is named.
        Map<String, String> example = new LinkedHashMap<>();
        secrets.forEach(secret -> example.put(secret, envExample.get(secret)));
        CheckResult asShipped = checkSecrets(secrets, example);
        assertThat(asShipped.status()).as("check-secrets with docker/.env.example").isNotZero();
        secrets.forEach(secret -> assertThat(asShipped.output()).contains("The stack refuses to start: " + secret + " is still the example value"));

        Map<String, String> real = new LinkedHashMap<>();
        secrets.forEach(secret -> real.put(secret, "s3cret-" + secret.toLowerCase()));
        assertThat(checkSecrets(secrets, real).status()).as("check-secrets with real secrets").isZero();

        // LorKit's development defaults, and Keycloak's dev administrator's password (keycloak.sh), are refused too.
        Set<String> developmentDefaults = new TreeSet<>(org.lorkit.infrastructure.settings.ProductionSecrets.DEVELOPMENT_DEFAULTS);
        developmentDefaults.add("admin");
        for (String value : developmentDefaults) {
            Map<String, String> withDefault = new LinkedHashMap<>(real);
            withDefault.put("KEYCLOAK_ADMIN_PASSWORD", value);
            CheckResult result = checkSecrets(secrets, withDefault);
            assertThat(result.status()).as(value).isNotZero();
            assertThat(result.output().strip()).as(value).isEqualTo("The stack refuses to start: KEYCLOAK_ADMIN_PASSWORD is a development default;"
                    + " set a real secret in docker/.env (README, Production deployment)");
        }
        Map<String, String> mixedCase = new LinkedHashMap<>(real);
        mixedCase.put("LORKIT_ADMIN_CLIENT_SECRET", "Change-Me-Admin");
        assertThat(checkSecrets(secrets, mixedCase).output()).as("the example prefix in any case, as LorKit compares it")
                .contains("LORKIT_ADMIN_CLIENT_SECRET is still the example value");
        Map<String, String> empty = new LinkedHashMap<>(real);
        empty.put("LORKIT_OIDC_SECRET", "");
        assertThat(checkSecrets(secrets, empty).output()).contains("LORKIT_OIDC_SECRET is empty");
    }

    /** The required variables of the compose file that are passwords or secrets (the optional SMTP logins are not required). */
    private static Set<String> stackSecrets() {
        Set<String> secrets = new TreeSet<>();
        Matcher required = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):?\\?").matcher(read(DOCKER.resolve("compose.yaml")));
        while (required.find()) {
            if (required.group(1).matches(".*(PASSWORD|SECRET).*")) {
                secrets.add(required.group(1));
            }
        }
        return secrets;
    }

    record CheckResult(int status, String output) {
    }

    private static CheckResult checkSecrets(Set<String> names, Map<String, String> values) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", DOCKER.resolve("check-secrets.sh").toString()));
        command.addAll(names);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(names::contains);
        builder.environment().putAll(values);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        return new CheckResult(process.waitFor(), output);
    }

    @Test
    void lorkit_checks_every_secret_it_reads_against_the_default_it_falls_back_on() {
        Set<String> secretsRead = applicationVariables().stream().filter(name -> name.matches(".*(PASSWORD|SECRET).*"))
                .collect(Collectors.toCollection(TreeSet::new));
        // The SMTP login is optional: a relay inside the network (the stack's) wants none. So is the bounce
        // mailbox's: with no LORKIT_BOUNCE_IMAP_HOST the reader is off (the stack's mailbox requires one of its own).
        secretsRead.removeAll(Set.of("LORKIT_SMTP_PASSWORD", "LORKIT_BOUNCE_IMAP_PASSWORD"));
        List<org.lorkit.infrastructure.settings.ProductionSecrets.Secret> checked = org.lorkit.infrastructure.settings.ProductionSecrets.SECRETS;
        assertThat(checked).extracting(org.lorkit.infrastructure.settings.ProductionSecrets.Secret::variable)
                .containsExactlyInAnyOrderElementsOf(secretsRead);

        // Where a secret may be read: the WildFly configuration, oidc.json, and any of LorKit's Java sources.
        List<Path> readers = new ArrayList<>(List.of(ROOT.resolve("web/src/main/webapp/WEB-INF/oidc.json"),
                ROOT.resolve("ear/src/main/wildfly/configure.cli")));
        for (String module : List.of("domain", "ejb", "web")) {
            readers.addAll(files(ROOT.resolve(module).resolve("src/main/java"), ".java"));
        }
        String sources = readers.stream().map(ComposeFileTest::read).collect(Collectors.joining("\n"));
        for (var secret : checked) {
            // ${env.NAME:default}, ${property,env.NAME:default} (WildFly) or setting("property", "NAME", "default") (Java)
            String expression = secret.property() == null
                    ? "${env." + secret.variable() + ":" + secret.developmentDefault() + "}"
                    : "${" + secret.property() + ",env." + secret.variable() + ":" + secret.developmentDefault() + "}";
            String java = "\"" + secret.property() + "\", \"" + secret.variable() + "\", \"" + secret.developmentDefault() + "\"";
            assertThat(sources.contains(expression) || sources.contains(java))
                    .as("%s is read with the property %s and the fallback %s", secret.variable(), secret.property(), secret.developmentDefault())
                    .isTrue();
            assertThat(org.lorkit.infrastructure.settings.ProductionSecrets.DEVELOPMENT_DEFAULTS).contains(secret.developmentDefault());
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Bounces and complaints: the return path's domain, the relay as its MX, the mailbox LorKit reads; DKIM

    /** Every setting of the bounce reader and the staff's digest (docs/configuration.md, "LorKit's settings"). */
    private static final List<String> BOUNCE_AND_DIGEST_VARIABLES = List.of("LORKIT_BOUNCE_DOMAIN", "LORKIT_BOUNCE_SECRET",
            "LORKIT_BOUNCE_IMAP_HOST", "LORKIT_BOUNCE_IMAP_PORT", "LORKIT_BOUNCE_IMAP_SECURITY", "LORKIT_BOUNCE_IMAP_USERNAME",
            "LORKIT_BOUNCE_IMAP_PASSWORD", "LORKIT_BOUNCE_IMAP_FOLDER", "LORKIT_BOUNCE_INTERVAL_MS", "LORKIT_DIGEST_HOUR");
    /** The official Dovecot image's IMAP port (it runs without root, on unprivileged ports: its README). */
    private static final int DOVECOT_IMAGE_IMAP_PORT = 31143;
    private static final Path MAILBOX_CONFIG = DOCKER.resolve("mailbox/lorkit.conf");
    private static final Path RELAY_INBOUND_SCRIPT = DOCKER.resolve("smtp/inbound-mx.sh");

    @Test
    void a_mailbox_service_keeps_the_bounce_domains_mail_on_a_volume_and_has_a_health_check() {
        Map<String, Object> mailbox = service("mailbox");
        assertThat(string(mailbox.get("image"))).startsWith("dovecot/dovecot:2.4.");
        List<String> volumes = strings(mailbox.get("volumes"));
        // A drop-in beside the image's own configuration (mounted as one file, the image's conf.d stays).
        assertThat(volumes).contains("./mailbox/lorkit.conf:/etc/dovecot/conf.d/lorkit.conf:ro");
        assertThat(volumes).contains("lorkit-bounce-mail:/srv/vmail");
        assertThat(map(compose.get("volumes"))).containsKey("lorkit-bounce-mail");

        String config = read(MAILBOX_CONFIG);
        int lmtpPort = mailboxLmtpPort();
        assertThat(exposedPorts("mailbox")).contains(lmtpPort, DOVECOT_IMAGE_IMAP_PORT);
        // One mailbox whatever the recipient (bounces+<tag>@...) or the login name.
        Matcher home = Pattern.compile("(?m)^mail_home\\s*=\\s*(\\S+)$").matcher(config);
        assertThat(home.find()).as("mail_home in lorkit.conf").isTrue();
        assertThat(home.group(1)).startsWith("/srv/vmail/").doesNotContain("%");
        // The image's HTTP admin API, whose password defaults to one the image's files name, is off.
        assertThat(config).containsPattern("(?s)service doveadm \\{\\s*inet_listener http \\{\\s*port = 0\\s*}");

        // Its health: the LMTP port the relay delivers to, and the IMAP greeting LorKit reads.
        String check = String.join(" ", strings(map(mailbox.get("healthcheck")).get("test")));
        assertThat(check).contains("127.0.0.1 " + lmtpPort, "127.0.0.1 " + DOVECOT_IMAGE_IMAP_PORT, "* OK");
        assertThat(map(mailbox.get("depends_on"))).containsKey("check-secrets");
    }

    @Test
    void the_nodes_read_the_stack_s_mailbox_over_imap_and_wait_for_it() {
        for (String node : nodes()) {
            assertThat(environment(node)).as("variables of %s", node).containsKeys(BOUNCE_AND_DIGEST_VARIABLES.toArray(String[]::new));
            Map<String, Object> dependsOn = map(service(node).get("depends_on"));
            assertThat(map(dependsOn.get("mailbox")).get("condition")).as("%s waits for the mailbox", node).isEqualTo("service_healthy");
        }
        Map<String, String> node = resolvedEnvironment("lorkit-1");
        assertThat(node.get("LORKIT_BOUNCE_IMAP_HOST")).isEqualTo("mailbox");
        assertThat(Integer.parseInt(node.get("LORKIT_BOUNCE_IMAP_PORT"))).isEqualTo(DOVECOT_IMAGE_IMAP_PORT);
        assertThat(node.get("LORKIT_BOUNCE_IMAP_FOLDER")).isEqualTo("INBOX");
        assertThat(Long.parseLong(node.get("LORKIT_BOUNCE_INTERVAL_MS"))).isPositive();
        assertThat(Integer.parseInt(node.get("LORKIT_DIGEST_HOUR"))).isBetween(0, 23);
        assertThat(node.get("LORKIT_BOUNCE_IMAP_USERNAME")).isNotBlank();
        // No TLS inside the network: Dovecot must allow that login, and nothing may publish the mailbox.
        assertThat(node.get("LORKIT_BOUNCE_IMAP_SECURITY")).isEqualTo("none");
        assertThat(read(MAILBOX_CONFIG)).containsPattern("(?m)^auth_allow_cleartext\\s*=\\s*yes$");
        assertThat(service("mailbox")).doesNotContainKey("ports");
        // The mailbox's one password is the one LorKit logs in with.
        assertThat(environment("mailbox").get("USER_PASSWORD")).isEqualTo(environment("lorkit-1").get("LORKIT_BOUNCE_IMAP_PASSWORD"));
    }

    @Test
    void the_relay_is_the_bounce_domains_mx_and_hands_its_mail_to_the_mailbox() {
        Map<String, String> relay = resolvedEnvironment("smtp");
        Map<String, String> node = resolvedEnvironment("lorkit-1");
        String bounceDomain = node.get("LORKIT_BOUNCE_DOMAIN");
        assertThat(bounceDomain).isNotBlank();

        // bounces+<outbox id>.<tag>@<bounce domain>: the domain is relayed, its one listed address is bounces@ (the
        // "+" delimiter strips the tag before the lookup), and the transport table sends it to the mailbox's LMTP
        // port; that table wins over RELAYHOST, for the mail from outside and for the relay's own bounces alike.
        assertThat(relay).containsEntry("POSTFIX_relay_domains", bounceDomain)
                .containsEntry("POSTFIX_recipient_delimiter", "+");
        assertThat(inlineTable(relay.get("POSTFIX_relay_recipient_maps"))).containsOnlyKeys("bounces@" + bounceDomain);
        assertThat(inlineTable(relay.get("POSTFIX_transport_maps")))
                .containsExactly(Map.entry(bounceDomain, "lmtp:inet:mailbox:" + mailboxLmtpPort()));
        // The return path is a sender domain of the relay's, and in the example a subdomain of the From
        // domain: DMARC's relaxed alignment (docs/mail.md).
        Set<String> allowed = Set.of(relay.get("ALLOWED_SENDER_DOMAINS").split("[\\s,]+"));
        assertThat(allowed).contains(bounceDomain);
        assertThat(bounceDomain).endsWith("." + domain(node.get("LORKIT_MAIL_FROM")));
        // Its public name (HELO, reverse DNS, the bounce domain's MX) and delay notices after 4 hours.
        assertThat(relay.get("POSTFIX_myhostname")).contains(".").isNotEqualTo("localhost");
        assertThat(relay.get("POSTFIX_delay_warning_time")).isNotBlank();

        // Port 25 is published; the image's rules for it (trust the private networks, let the sender domains
        // relay anywhere) are replaced by the init script's: no network is trusted, only the bounce domain is
        // accepted, from any sender, and no milter (DKIM) signs what comes in.
        assertThat(publishedPorts("smtp")).containsExactly(25);
        assertThat(strings(service("smtp").get("volumes"))).contains("./smtp/inbound-mx.sh:/docker-init.d/inbound-mx.sh:ro");
        Map<String, String> port25 = masterOverrides(read(RELAY_INBOUND_SCRIPT), "smtp/inet");
        assertThat(port25).containsKeys("smtpd_client_restrictions", "smtpd_helo_restrictions", "smtpd_sender_restrictions",
                        "smtpd_relay_restrictions", "smtpd_recipient_restrictions")
                .containsEntry("smtpd_relay_restrictions", "reject_unauth_destination")
                .containsEntry("receive_override_options", "no_milters");
        port25.forEach((parameter, value) -> assertThat(value).as(parameter)
                .doesNotContain("permit_mynetworks", "permit_sasl_authenticated", "check_sender_access"));
        assertThat(port25.get("smtpd_recipient_restrictions")).contains("reject_unlisted_recipient");
    }

    @Test
    void the_relay_signs_with_dkim_keys_it_makes_once_and_keeps_in_a_volume() throws IOException {
        Map<String, String> relay = resolvedEnvironment("smtp");
        assertThat(relay.get("DKIM_AUTOGENERATE")).isNotBlank();
        assertThat(relay.get("DKIM_SELECTOR")).matches("[a-z0-9-]+");
        // A named volume: the keys outlive the container and never sit in the repository.
        assertThat(strings(service("smtp").get("volumes"))).contains("lorkit-dkim-keys:/etc/opendkim/keys");
        assertThat(map(compose.get("volumes"))).containsKey("lorkit-dkim-keys");
        try (Stream<Path> walk = Files.walk(DOCKER)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                assertThat(file.getFileName().toString()).as("a key file in docker/").doesNotEndWith(".private").doesNotEndWith(".key");
                assertThat(read(file)).as(file.toString()).doesNotContain("PRIVATE KEY");
            }
        }
    }

    @Test
    void the_bounce_secrets_come_only_from_docker_env_and_check_secrets_refuses_their_defaults() throws Exception {
        for (String node : nodes()) {
            assertThat(environment(node).get("LORKIT_BOUNCE_SECRET")).startsWith("${LORKIT_BOUNCE_SECRET:?");
            assertThat(environment(node).get("LORKIT_BOUNCE_IMAP_PASSWORD")).startsWith("${LORKIT_BOUNCE_IMAP_PASSWORD:?");
        }
        assertThat(strings(service("check-secrets").get("command"))).contains("LORKIT_BOUNCE_SECRET", "LORKIT_BOUNCE_IMAP_PASSWORD");
        // No secret literal in the compose file: every password or secret is a variable of docker/.env, with no
        // default but an empty one.
        Pattern fromEnvFile = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(?::?\\?[^}]*|:?-)?}");
        services().keySet().forEach(name -> environment(name).forEach((variable, value) -> {
            if (variable.matches(".*(PASSWORD|SECRET).*")) {
                assertThat(value).as("%s of %s", variable, name).matches(fromEnvFile);
            }
        }));

        // check-secrets refuses the bounce secret's development default (LorKit's fallback on a loopback address).
        Set<String> secrets = stackSecrets();
        Map<String, String> real = new LinkedHashMap<>();
        secrets.forEach(secret -> real.put(secret, "s3cret-" + secret.toLowerCase()));
        real.put("LORKIT_BOUNCE_SECRET", "lorkit-bounce-dev-secret");
        CheckResult result = checkSecrets(secrets, real);
        assertThat(result.status()).isNotZero();
        assertThat(result.output().strip()).isEqualTo("The stack refuses to start: LORKIT_BOUNCE_SECRET is a development default;"
                + " set a real secret in docker/.env (README, Production deployment)");
        assertThat(envExample.get("LORKIT_BOUNCE_SECRET")).startsWith("change-me");
        assertThat(envExample.get("LORKIT_BOUNCE_IMAP_PASSWORD")).startsWith("change-me");
    }

    @Test
    void the_deployment_guide_explains_bounces_and_complaints_and_links_the_mail_dns_guide() {
        String deployment = read(ROOT.resolve("docs/deployment.md"));
        int start = deployment.indexOf("\n## Bounces and complaints\n");
        assertThat(start).as("docs/deployment.md section \"## Bounces and complaints\"").isPositive();
        int end = deployment.indexOf("\n## ", start + 1);
        String section = deployment.substring(start, end < 0 ? deployment.length() : end);
        assertThat(section).contains("`LORKIT_BOUNCE_DOMAIN`", "MX", "IMAP", "`+`", "5.1.x", "5.7.x", "complained", "feedback loop", "](mail.md)");

        String guide = read(ROOT.resolve("docs/mail.md"));
        assertThat(guide).contains("SPF", "DKIM", "DMARC", "reverse DNS", "Authentication-Results", "`SMTP_DKIM_SELECTOR`",
                "`LORKIT_BOUNCE_DOMAIN`", "p=none", "rua=");
    }

    /** The plain LMTP port of docker/mailbox/lorkit.conf. */
    private static int mailboxLmtpPort() {
        Matcher listener = Pattern.compile("(?s)service lmtp \\{\\s*inet_listener lmtp \\{\\s*port = (\\d+)").matcher(read(MAILBOX_CONFIG));
        assertThat(listener.find()).as("an inet_listener lmtp in lorkit.conf").isTrue();
        return Integer.parseInt(listener.group(1));
    }

    /** Postfix's inline:{key=value, ...} table. */
    private static Map<String, String> inlineTable(String table) {
        assertThat(table).as("an inline: table").startsWith("inline:{").endsWith("}");
        Map<String, String> entries = new LinkedHashMap<>();
        for (String entry : table.substring("inline:{".length(), table.length() - 1).split(",")) {
            String[] parts = entry.split("=", 2);
            assertThat(parts).as(entry).hasSize(2);
            entries.put(parts[0].strip(), parts[1].strip());
        }
        return entries;
    }

    /** The master.cf overrides ("service/type/parameter=value") a script gives one service with postconf -P. */
    private static Map<String, String> masterOverrides(String script, String service) {
        assertThat(script).contains("postconf -P");
        Map<String, String> overrides = new LinkedHashMap<>();
        Matcher setting = Pattern.compile("\"" + Pattern.quote(service) + "/([a-z_]+)=([^\"]*)\"").matcher(script);
        while (setting.find()) {
            overrides.put(setting.group(1), setting.group(2));
        }
        return overrides;
    }

    // ---------------------------------------------------------------------------------------------------
    // The load balancer and the health checks

    @Test
    void the_load_balancer_is_the_only_way_in_and_spreads_over_both_nodes_on_wildflys_http_port() {
        // Besides the load balancer, only the relay publishes a port: 25, the bounce domain's MX (SMTP, not HTTP:
        // Postfix faces the internet there itself, with rules of its own; see the relay's tests below).
        services().forEach((name, service) -> {
            if (name.equals("smtp")) {
                assertThat(publishedPorts(name)).as("ports smtp publishes").containsExactly(25);
            } else if (!name.equals("lb")) {
                assertThat(service).as("%s publishes no port", name).doesNotContainKey("ports");
            }
        });
        assertThat(strings(service("lb").get("volumes"))).contains("./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        // Every port the load balancer publishes is one it listens on, and the other way round.
        assertThat(haproxy.bindPorts()).containsExactlyInAnyOrderElementsOf(publishedPorts("lb"));

        // WildFly's HTTP port: 8080, which the Dockerfile exposes and no node moves.
        assertThat(dockerfilePorts()).contains(8080);
        for (String node : nodes()) {
            assertThat(strings(service(node).get("command"))).as("command of %s", node).noneMatch(argument ->
                    argument.startsWith("-Djboss.http.port") || argument.startsWith("-Djboss.socket.binding.port-offset"));
        }
        Backend nodes = haproxy.backendBehind(8080);
        assertThat(nodes.servers()).as("the nodes behind the load balancer").isEqualTo(nodeServers());
        assertThat(nodes.sticky()).as("sticky: a roster import waits for confirmation in one node's memory").isTrue();
        // A node gets requests while WildFly's readiness says it is ready: on the management port, which only the
        // network reaches (the nodes bind it to every interface of their container, and nothing publishes it).
        assertThat(nodes.checkUri()).as("health check of the nodes").isEqualTo("/health/ready");
        assertThat(nodes.checkPort()).as("the port the nodes' health check asks").isEqualTo(MANAGEMENT_PORT);
        assertThat(dockerfilePorts()).contains(MANAGEMENT_PORT);
        assertThat(read(DOCKER.resolve("lorkit-node.sh"))).contains("-bmanagement 0.0.0.0");
        services().keySet().forEach(name -> assertThat(publishedPorts(name)).as("ports %s publishes", name).doesNotContain(MANAGEMENT_PORT));
        assertThat(haproxy.defaultServer()).contains("check");

        // Readiness also asks what both nodes share (relay, Keycloak): while no node is ready, the nodes that are
        // alive serve, rather than every page answering 503 over an SMTP outage the outbox rides out.
        String frontend = haproxy.frontendPorts().entrySet().stream().filter(entry -> entry.getValue() == 8080)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        String readyBackend = haproxy.frontendBackends().get(frontend);
        List<String> fallbacks = haproxy.frontendLines().get(frontend).stream()
                .filter(line -> line.startsWith("use_backend ")).toList();
        assertThat(fallbacks).as("use_backend lines of frontend %s", frontend)
                .singleElement().asString().endsWith("if { nbsrv(" + readyBackend + ") eq 0 }");
        Backend alive = haproxy.backends().get(fallbacks.get(0).split("\\s+")[1]);
        assertThat(alive).as("the fallback backend").isNotNull();
        assertThat(alive.servers()).isEqualTo(nodeServers());
        assertThat(alive.sticky()).isTrue();
        assertThat(alive.checkUri()).as("health check of the fallback").isEqualTo("/health/live");
        assertThat(alive.checkPort()).isEqualTo(MANAGEMENT_PORT);
    }

    /**
     * Attendings' links carry their capability token in the query string (and sign-ins Keycloak's code): a log
     * line would keep it as long as the logs are kept. HAProxy's own HTTP formats ("option httplog", "httpslog")
     * log the whole request line, so the load balancer logs a format of its own: the path without the query.
     */
    @Test
    void the_load_balancer_logs_requests_without_their_query_string() {
        assertThat(haproxy.logging()).as("the HTTP log lines of haproxy.cfg").anyMatch(line -> line.contains("%HPO"))
                .noneMatch(line -> line.matches("[^:]+: option +https?log\\b.*"));
        Pattern variable = Pattern.compile("%(?:\\{[^}]*})?([A-Za-z]+|\\[[^\\]]*])");
        for (String line : haproxy.logging()) {
            Matcher found = variable.matcher(line);
            while (found.find()) {
                String name = found.group(1);
                // %r is the request line, %HU the URI, %HQ the query; samples: the URL, the query, its parameters.
                assertThat(name).as(line).isNotIn("r", "HU", "HQ")
                        .doesNotMatch("\\[\\s*(url|query|urlp|base|capture\\.req\\.uri)\\b.*");
            }
        }
    }

    @Test
    void of_keycloak_the_load_balancer_publishes_only_what_browsers_need() {
        int port = URI.create(resolvedEnvironment("keycloak").get("KC_HOSTNAME")).getPort();
        String frontend = haproxy.frontendPorts().entrySet().stream().filter(entry -> entry.getValue() == port)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        List<String> keycloakLines = haproxy.frontendLines().get(frontend);
        List<String> allowList = keycloakLines.stream().filter(line -> line.startsWith("http-request deny") && line.contains(" unless ")).toList();
        assertThat(allowList).as("the allow-list rule of frontend %s", frontend).hasSize(1);
        Matcher allowed = Pattern.compile("http-request deny(?: deny_status \\d+)? unless \\{ path_beg ((?:\\S+ )+)}").matcher(allowList.get(0));
        assertThat(allowed.matches()).as(allowList.get(0)).isTrue();
        // The allow-list reads the raw path while Keycloak resolves dot segments (/resources/../admin/ is /admin/ to it):
        // a path with a dot segment or an escaped dot, slash or backslash is refused before the allow-list.
        int judged = keycloakLines.indexOf(allowList.get(0));
        List<String> before = keycloakLines.subList(0, judged).stream().filter(line -> line.startsWith("http-request deny")).toList();
        assertThat(before).as("frontend %s before its allow-list", frontend).hasSize(1);
        assertThat(before.get(0)).contains("path_sub -i").contains(" /../ ", " /./ ", "%2e", "%2f", "%5c").contains("path_end /.. /.");
        // The realm's pages and endpoints and the themes' files; not /admin, not the master realm.
        assertThat(allowed.group(1).strip().split(" ")).containsExactlyInAnyOrder("/realms/" + realm.get("realm") + "/", "/resources/");
        // LorKit's own frontend denies nothing.
        haproxy.frontendLines().forEach((name, lines) -> {
            if (!name.equals(frontend)) {
                assertThat(lines).as("frontend %s", name).noneMatch(line -> line.startsWith("http-request deny"));
            }
        });
    }

    @Test
    void a_sign_in_while_keycloak_is_down_gets_a_page_that_says_so() throws IOException {
        String config = Files.readString(DOCKER.resolve("haproxy.cfg"));
        Matcher errorfile = Pattern.compile("(?s)backend keycloak\\n.*?errorfile 503 /usr/local/etc/haproxy/errors/(\\S+)").matcher(config);
        assertThat(errorfile.find()).as("the keycloak backend's 503 page").isTrue();
        assertThat(strings(service("lb").get("volumes"))).contains("./haproxy-errors:/usr/local/etc/haproxy/errors:ro");
        String page = Files.readString(DOCKER.resolve("haproxy-errors").resolve(errorfile.group(1)));
        assertThat(page).startsWith("HTTP/1.0 503 ").contains("\r\nContent-Type: text/html", "\r\n\r\n<!DOCTYPE html>",
                "Sign-in is unavailable", "your pages keep working", "links in it need no sign-in");
        assertThat(page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("HAProxy's error files fit its buffer").isLessThan(16_000);
    }

    @Test
    void the_stateful_services_have_health_checks_and_the_nodes_wait_for_them() {
        for (String name : List.of("postgres", "keycloak", "mailbox", "lorkit-1", "lorkit-2")) {
            assertThat(service(name)).as(name).containsKey("healthcheck");
        }
        for (String node : nodes()) {
            Map<String, Object> dependsOn = map(service(node).get("depends_on"));
            for (String needed : List.of("postgres", "keycloak", "smtp", "mailbox")) {
                assertThat(map(dependsOn.get(needed)).get("condition")).as("%s waits for %s", node, needed).isEqualTo("service_healthy");
            }
            // WildFly's readiness: the management port, on the container's own loopback.
            assertThat(String.join(" ", strings(map(service(node).get("healthcheck")).get("test"))))
                    .contains("127.0.0.1:9990/health/ready");
        }
        assertThat(dockerfilePorts()).contains(9990);
    }

    /** An operator finds every meter LorKit declares (Meters) in the deployment guide, by its Prometheus name. */
    @Test
    void the_deployment_guide_lists_every_meter_and_the_readme_points_there() {
        String declared = read(ROOT.resolve("ejb/src/main/java/org/lorkit/infrastructure/metrics/Meters.java"));
        String guide = read(ROOT.resolve("docs/deployment.md"));
        Matcher name = Pattern.compile("\"(lorkit(?:\\.[a-z]+)+)\"").matcher(declared);
        Set<String> meters = new TreeSet<>();
        while (name.find()) {
            meters.add(name.group(1));
        }
        assertThat(meters).as("meters declared in Meters.java").hasSizeGreaterThan(10);
        for (String meter : meters) {
            assertThat(guide).as("docs/deployment.md lists %s", meter).contains("`" + meter.replace('.', '_'));
        }
        assertThat(guide).contains("## Health and metrics", "/health/ready", "/health/live", "/metrics");
        assertThat(read(ROOT.resolve("README.md"))).contains("docs/deployment.md#health-and-metrics", "9990/health/ready");
    }

    // ---------------------------------------------------------------------------------------------------
    // Variables: .env.example, the settings and the deployment guide

    @Test
    void the_example_settings_give_every_variable_the_compose_file_requires_and_no_other() {
        Set<String> required = new TreeSet<>();
        Matcher requiredVariable = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):?\\?").matcher(read(DOCKER.resolve("compose.yaml")));
        while (requiredVariable.find()) {
            required.add(requiredVariable.group(1));
        }
        assertThat(required).isNotEmpty();
        assertThat(difference(required, envExample.keySet())).as("required by compose.yaml, missing from .env.example").isEmpty();
        assertThat(difference(envExample.keySet(), composeVariables)).as("in .env.example, unused by compose.yaml").isEmpty();
        // A LORKIT_ name in the compose file is one LorKit reads; the stack's own settings have other names.
        assertThat(composeVariables.stream().filter(name -> name.startsWith("LORKIT_")))
                .allMatch(applicationVariables()::contains, "read by LorKit");
        assertThat(read(ROOT.resolve(".gitignore"))).contains("docker/.env");
    }

    @Test
    void the_settings_name_every_variable_and_the_deployment_guide_runs_the_stack() {
        String settings = read(ROOT.resolve("docs/configuration.md"));
        for (String variable : union(applicationVariables(), composeVariables)) {
            assertThat(settings).as("docs/configuration.md names %s", variable).contains("`" + variable + "`");
        }
        String deployment = read(ROOT.resolve("docs/deployment.md"));
        assertThat(deployment).contains("docker compose -f docker/compose.yaml").contains("docker/.env.example");
        // What refuses to start, and how an operator reaches Keycloak's admin side that is not published.
        assertThat(deployment).contains("LorKit refuses to start", "check-secrets", "ear/src/main/keycloak/demo",
                "docker compose -f docker/compose.yaml exec keycloak /opt/keycloak/bin/kcadm.sh");
    }

    // ---------------------------------------------------------------------------------------------------
    // What LorKit reads, from its sources

    /**
     * The environment variables LorKit reads: "LORKIT_..." literals and System.getenv names in the Java
     * sources, and ${env.NAME} expressions in the configuration files (WEB-INF/oidc.json, the WildFly CLI
     * scripts, descriptors). Keycloak's realm file is Keycloak's, not LorKit's.
     */
    static Set<String> applicationVariables() {
        Set<String> variables = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(LORKIT_[A-Z0-9_]+)\"");
        Pattern getenv = Pattern.compile("getenv\\(\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"|getenv\\(\\)\\s*\\.\\s*(?:get|getOrDefault)\\(\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"");
        for (String module : List.of("domain", "ejb", "web")) {
            for (Path source : files(ROOT.resolve(module).resolve("src/main/java"), ".java")) {
                String text = read(source);
                collect(literal.matcher(text), variables);
                collect(getenv.matcher(text), variables);
            }
        }
        Pattern expression = Pattern.compile("env\\.([A-Za-z_][A-Za-z0-9_]*)");
        List<Path> configuration = new ArrayList<>();
        configuration.addAll(files(ROOT.resolve("web/src/main/webapp"), ".json", ".xml", ".properties"));
        configuration.addAll(files(ROOT.resolve("ear/src/main/wildfly"), ".cli", ".sh", ".xml"));
        configuration.addAll(files(ROOT.resolve("ear/src/main/application"), ".xml"));
        for (String module : List.of("domain", "ejb", "web")) {
            configuration.addAll(files(ROOT.resolve(module).resolve("src/main/resources"), ".json", ".xml", ".properties"));
        }
        for (Path file : configuration) {
            collect(expression.matcher(read(file)), variables);
        }
        return variables;
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    into.add(matcher.group(group));
                }
            }
        }
    }

    private static List<Path> files(Path folder, String... endings) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> Stream.of(endings).anyMatch(path.toString()::endsWith))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC drivers configure.cli registers in WildFly (besides h2, which WildFly has). */
    private static Set<String> wildflyJdbcDrivers() {
        Set<String> drivers = new TreeSet<>();
        Matcher driver = Pattern.compile("jdbc-driver=([A-Za-z0-9_-]+):add").matcher(read(ROOT.resolve("ear/src/main/wildfly/configure.cli")));
        while (driver.find()) {
            drivers.add(driver.group(1));
        }
        return drivers;
    }

    /** Database name to owner, from docker/postgres/init-databases.sh. */
    private static Map<String, String> createdDatabases() {
        Map<String, String> databases = new LinkedHashMap<>();
        Matcher created = Pattern.compile("CREATE DATABASE (\\w+) OWNER (\\w+);").matcher(read(DOCKER.resolve("postgres/init-databases.sh")));
        while (created.find()) {
            databases.put(created.group(1), created.group(2));
        }
        return databases;
    }

    private static Set<String> realmPlaceholders() {
        Set<String> names = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(read(ROOT.resolve("ear/src/main/keycloak/lorkit-realm.json")));
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }

    /** A value of the realm file as Keycloak imports it: ${NAME:default} from Keycloak's environment. */
    private static String realmValue(String value, Map<String, String> keycloakEnvironment) {
        return Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}").matcher(value).replaceAll(placeholder -> {
            String set = keycloakEnvironment.get(placeholder.group(1));
            return Matcher.quoteReplacement(set != null ? set : placeholder.group(2) == null ? "" : placeholder.group(2));
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> realmClient(String clientId) {
        return ((List<Map<String, Object>>) realm.get("clients")).stream()
                .filter(client -> clientId.equals(client.get("clientId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId + " in lorkit-realm.json"));
    }

    // ---------------------------------------------------------------------------------------------------
    // The compose file

    private static Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(compose.get("services")).forEach((name, service) -> services.put(name, map(service)));
        return services;
    }

    private static Map<String, Object> service(String name) {
        assertThat(services()).as("services of compose.yaml").containsKey(name);
        return services().get(name);
    }

    /** The services built from docker/Dockerfile: LorKit's nodes. */
    private static List<String> nodes() {
        return services().entrySet().stream().filter(service -> service.getValue().containsKey("build"))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static List<String> nodeServers() {
        return nodes().stream().map(node -> node + ":8080").toList();
    }

    /** A service's environment as written, before interpolation. */
    private static Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> values.put(string(name), value == null ? "" : String.valueOf(value)));
        } else if (environment instanceof List<?> entries) {
            entries.forEach(entry -> {
                String[] parts = string(entry).split("=", 2);
                values.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        }
        return values;
    }

    /** A service's environment as Compose gives it with the values of docker/.env.example. */
    private static Map<String, String> resolvedEnvironment(String service) {
        Map<String, String> values = new LinkedHashMap<>();
        environment(service).forEach((name, value) -> values.put(name, interpolate(value, envExample)));
        return values;
    }

    /** Compose's interpolation: $$, ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}. */
    static String interpolate(String value, Map<String, String> variables) {
        Pattern expression = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])([^}]*))?}");
        return expression.matcher(value).replaceAll(match -> {
            if (match.group().equals("$$")) {
                return Matcher.quoteReplacement("$");
            }
            String name = match.group(1);
            String set = variables.get(name);
            boolean colon = ":".equals(match.group(2));
            boolean missing = set == null || (colon && set.isEmpty());
            String operator = match.group(3);
            String result;
            if (operator == null) {
                result = set == null ? "" : set;
            } else if (operator.equals("-")) {
                result = missing ? match.group(4) : set;
            } else if (operator.equals("+")) {
                result = missing ? "" : match.group(4);
            } else {
                if (missing) {
                    fail("compose.yaml requires " + name + " (" + match.group(4) + "), and docker/.env.example does not set it");
                }
                result = set;
            }
            return Matcher.quoteReplacement(result);
        });
    }

    private static Set<Integer> exposedPorts(String service) {
        return strings(service(service).getOrDefault("expose", List.of())).stream()
                .map(port -> Integer.parseInt(port.replaceAll("/.*", ""))).collect(Collectors.toSet());
    }

    /** The container ports a service publishes ("8080:8080", "127.0.0.1:8080:8080/tcp" or the long form). */
    private static Set<Integer> publishedPorts(String service) {
        Set<Integer> ports = new TreeSet<>();
        for (Object port : list(service(service).getOrDefault("ports", List.of()))) {
            if (port instanceof Map<?, ?> longForm) {
                ports.add(Integer.parseInt(String.valueOf(longForm.get("target"))));
            } else {
                String text = String.valueOf(port).replaceAll("/.*", "");
                ports.add(Integer.parseInt(text.substring(text.lastIndexOf(':') + 1)));
            }
        }
        return ports;
    }

    /** The names a service answers to inside the stack's network: its own, its hostname, its aliases. */
    private static Set<String> namesInNetwork(String service) {
        Set<String> names = new LinkedHashSet<>(List.of(service));
        Object hostname = service(service).get("hostname");
        if (hostname != null) {
            names.add(string(hostname));
        }
        Object networks = service(service).get("networks");
        if (networks instanceof Map<?, ?> byName) {
            byName.values().stream().filter(Map.class::isInstance).map(ComposeFileTest::map)
                    .forEach(network -> names.addAll(strings(network.getOrDefault("aliases", List.of()))));
        }
        return names;
    }

    private static Set<Integer> dockerfilePorts() {
        Matcher expose = Pattern.compile("(?m)^EXPOSE\\s+(.+)$").matcher(dockerfile);
        Set<Integer> ports = new TreeSet<>();
        while (expose.find()) {
            for (String port : expose.group(1).trim().split("\\s+")) {
                ports.add(Integer.parseInt(port.replaceAll("/.*", "")));
            }
        }
        return ports;
    }

    private static String commandOption(List<String> command, String option) {
        for (int i = 0; i < command.size() - 1; i++) {
            if (command.get(i).equals("-c") && command.get(i + 1).startsWith(option + "=")) {
                return command.get(i + 1).substring(option.length() + 1);
            }
        }
        throw new AssertionError("no -c " + option + "=... in " + command);
    }

    private static URI jdbcUrl(String url) {
        assertThat(url).startsWith("jdbc:");
        return URI.create(url.substring("jdbc:".length()));
    }

    private static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    // ---------------------------------------------------------------------------------------------------
    // docker/haproxy.cfg

    record Backend(List<String> servers, boolean sticky, String checkUri, Integer checkPort) {
    }

    /**
     * @param logging every line that chooses what a section logs ({@code log-format}, {@code option httplog}...),
     *                as "section: line"
     */
    record HaProxy(Map<String, Integer> frontendPorts, Map<String, String> frontendBackends,
                   Map<String, Backend> backends, String defaultServer, Map<String, List<String>> frontendLines,
                   List<String> logging) {

        /** Sections and the few keywords this test reads; comments and blank lines dropped. */
        static HaProxy parse(String text) {
            Map<String, List<String>> sections = new LinkedHashMap<>();
            List<String> current = null;
            for (String raw : text.split("\n")) {
                String line = raw.replaceAll("(^|\\s)#.*$", "").strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (!Character.isWhitespace(raw.charAt(0))) {
                    current = new ArrayList<>();
                    sections.put(line, current);
                } else if (current != null) {
                    current.add(line);
                }
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            Map<String, String> defaults = new LinkedHashMap<>();
            Map<String, Backend> backends = new LinkedHashMap<>();
            Map<String, List<String>> frontendLines = new LinkedHashMap<>();
            String defaultServer = "";
            List<String> logging = new ArrayList<>();
            for (Map.Entry<String, List<String>> section : sections.entrySet()) {
                String[] header = section.getKey().split("\\s+");
                List<String> lines = section.getValue();
                lines.stream().filter(line -> line.matches("(log-format|log-format-sd|error-log-format|option +\\w*log)(\\s.*)?"))
                        .forEach(line -> logging.add(section.getKey() + ": " + line));
                Function<String, List<String[]>> keyword = word -> lines.stream()
                        .filter(line -> line.startsWith(word + " ")).map(line -> line.split("\\s+")).toList();
                switch (header[0]) {
                    case "defaults" -> defaultServer = keyword.apply("default-server").stream()
                            .map(words -> String.join(" ", words)).collect(Collectors.joining(" "));
                    case "frontend" -> {
                        frontendLines.put(header[1], lines);
                        keyword.apply("bind").forEach(words ->
                                ports.put(header[1], Integer.parseInt(words[1].substring(words[1].lastIndexOf(':') + 1))));
                        keyword.apply("default_backend").forEach(words -> defaults.put(header[1], words[1]));
                    }
                    case "backend" -> {
                        List<String> servers = new ArrayList<>();
                        Integer checkPort = null;
                        for (String[] server : keyword.apply("server")) {
                            servers.add(server[2]);
                            List<String> options = List.of(server);
                            int port = options.indexOf("port");
                            if (port > 0) {
                                checkPort = Integer.parseInt(options.get(port + 1));
                            }
                        }
                        boolean sticky = !keyword.apply("cookie").isEmpty()
                                && keyword.apply("server").stream().allMatch(server -> List.of(server).contains("cookie"));
                        String uri = keyword.apply("http-check").stream().map(List::of)
                                .filter(words -> words.contains("send") && words.contains("uri"))
                                .map(words -> words.get(words.indexOf("uri") + 1)).findFirst().orElse(null);
                        backends.put(header[1], new Backend(servers, sticky, uri, checkPort));
                    }
                    default -> {
                    }
                }
            }
            return new HaProxy(ports, defaults, backends, defaultServer, frontendLines, logging);
        }

        Set<Integer> bindPorts() {
            return new TreeSet<>(frontendPorts.values());
        }

        Backend backendBehind(int port) {
            String frontend = frontendPorts.entrySet().stream().filter(entry -> entry.getValue() == port)
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new AssertionError("haproxy.cfg binds no frontend to port " + port));
            Backend backend = backends.get(frontendBackends.get(frontend));
            assertThat(backend).as("default_backend of frontend %s", frontend).isNotNull();
            return backend;
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Small things

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s from the pom", name).isNotBlank();
        return value;
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            assertThat(equals).as(".env.example line %s", line).isPositive();
            values.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        return values;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Set<String> difference(Set<String> from, Set<String> remove) {
        Set<String> rest = new TreeSet<>(from);
        rest.removeAll(remove);
        return rest;
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> all = new TreeSet<>(one);
        all.addAll(other);
        return all;
    }
}
