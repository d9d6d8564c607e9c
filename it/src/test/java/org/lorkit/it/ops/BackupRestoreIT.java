package org.lorkit.it.ops;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.ExtraNodes;
import org.lorkit.it.support.KeycloakRealm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's backup and restore, done (PostgreSQL build): pg_dump of the running LorKit's database (uploaded
 * documents included: they live in it), pg_restore into a fresh database, and a second LorKit started on that
 * database serves what was there: the attending's kit page and the very same CV, and the staff dashboard.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupRestoreIT {
    private static final String NODE = "restored";
    private static final String RESTORED = "http://localhost:8580";
    private static final String DATABASE = "lorkit_restore";

    @ArquillianResource
    ContainerController controller;
    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "source", testable = false)
    @TargetsContainer("wildfly")
    static EnterpriseArchive source() {
        return Deployments.lorkitWithTests();
    }

    @Deployment(name = NODE, managed = false, testable = false)
    @TargetsContainer(NODE)
    static EnterpriseArchive restored() {
        return Deployments.lorkit();
    }

    @Test
    void a_dump_restored_into_a_fresh_database_runs_lorkit_with_everything_it_held() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String kitLink = http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/lorkit-it/fixtures/sent-kit"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = kitLink.substring(kitLink.indexOf("t=") + 2);
        byte[] cv = http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/a/download/cv?t=" + token)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();

        Path dump = Files.createDirectories(Path.of("target", "backup")).resolve("lorkit.dump");
        Files.deleteIfExists(dump);
        postgres("pg_dump", "--format=custom", "--no-owner", "--file=" + dump, "--dbname=" + System.getProperty("lorkit.it.pg.database"));
        assertThat(Files.size(dump)).isPositive();
        ExtraNodes.freshDatabase(DATABASE);
        postgres("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + DATABASE, dump.toString());

        ExtraNodes.freshBaseDirectory(Path.of(System.getProperty("lorkit.it.restore.base")));
        controller.start(NODE);
        try {
            deployer.deploy(NODE);

            HttpResponse<String> kit = http.send(HttpRequest.newBuilder(URI.create(RESTORED + "/a/kit.xhtml?t=" + token)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(kit.body()).as("the attending's link opens on the restored LorKit").contains("Letter kit for Amara Okafor", "Followed six patients daily");
            HttpResponse<byte[]> restoredCv = http.send(HttpRequest.newBuilder(URI.create(RESTORED + "/a/download/cv?t=" + token)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(restoredCv.body()).as("the uploaded CV, byte for byte").isEqualTo(cv);

            HttpResponse<String> dashboard = http.send(HttpRequest.newBuilder(URI.create(RESTORED + "/agency/dashboard.xhtml"))
                    .header("Accept", "text/html").header("Authorization", "Bearer " + KeycloakRealm.accessToken("staff@bridgeway.example")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body()).contains("Bridgeway", "Letter completion");
        } finally {
            try {
                controller.stop(NODE);
            } catch (RuntimeException ignored) {
                // already down
            }
        }
    }

    /** A PostgreSQL client program against the tests' server, as the README's backup section runs it. */
    private static void postgres(String program, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(program, "--host=" + System.getProperty("lorkit.it.pg.host"),
                "--port=" + System.getProperty("lorkit.it.pg.port"), "--username=" + System.getProperty("lorkit.it.cluster.user")));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", System.getProperty("lorkit.it.cluster.password"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(program).isTrue();
        assertThat(process.exitValue()).as(program + ": " + output).isZero();
    }
}
