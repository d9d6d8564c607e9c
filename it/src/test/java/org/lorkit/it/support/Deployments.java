package org.lorkit.it.support;

import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URISyntaxException;

/** The EAR the build produced, plus a small test module that holds the test classes. */
public final class Deployments {
    private Deployments() {
    }

    public static EnterpriseArchive lorkitWithTests() {
        File ear = new File(System.getProperty("lorkit.ear", "target/lorkit.ear"));
        EnterpriseArchive archive = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "lorkit-it.war")
                // Every test class and helper: the integration tests (org.lorkit.it.*) and, in perf/, the benchmarks.
                .addPackages(true, "org.lorkit.it", "org.lorkit.perf")
                .addAsLibrary(jarOf(Assertions.class))
                // SubEthaSMTP (and its small Guava), the benchmark's SMTP sink; WildFly gives deployments SLF4J.
                .addAsLibrary(jarOf(org.subethamail.smtp.server.SMTPServer.class))
                .addAsLibrary(jarOf(com.github.davidmoten.guavamini.Preconditions.class))
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                // The JDK's HTTP server, for the webhook tests' receiver (WebhookReceiver) inside the server.
                .setManifest(new org.jboss.shrinkwrap.api.asset.StringAsset("Manifest-Version: 1.0\nDependencies: jdk.httpserver\n"))
                .addAsWebInfResource("it-war/web.xml", "web.xml")
                .addAsWebInfResource(new File("../web/src/main/webapp/WEB-INF/oidc.json"), "oidc.json")
                // The sample roster staff download from the import page, for RosterImportIT.
                .addAsResource(new File("../web/src/main/webapp/resources/samples/roster-sample.csv"), "roster-sample.csv")
                // Bounce reports and a complaint as relays write them, for BounceReportIT (the parser's tests read them too).
                .addAsResource(new File("../ejb/src/test/resources/reports"), "reports");
        return archive.addAsModule(Testable.archiveToTest(tests));
    }

    /** Only the EAR, for tests that act as a browser would. */
    public static EnterpriseArchive lorkit() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("lorkit.ear", "target/lorkit.ear")));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
