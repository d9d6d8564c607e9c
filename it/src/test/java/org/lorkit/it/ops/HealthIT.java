package org.lorkit.it.ops;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.MailServer;
import org.lorkit.it.support.ManagementPort;
import org.lorkit.it.support.ManagementPort.Health;
import org.lorkit.it.support.StuckEmail;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness and liveness as the load balancer and a supervisor read them, on the management port: LorKit's four
 * readiness checks beside WildFly's own; the mail server really stopped takes readiness down (503, the SMTP check
 * named), and it comes back when the server does; an email stuck in the outbox for longer than the limit does the
 * same through the outbox's check. Liveness asks nothing outside the node.
 */
class HealthIT extends InsideLorKit {
    private static final List<String> LORKIT_READINESS = List.of("lorkit-database", "lorkit-smtp", "lorkit-keycloak", "lorkit-outbox");
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    Clocks clocks;
    @Inject
    OutboxSender sender;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    private StuckEmail stuck;

    @AfterEach
    void mailServerBackAndNothingStuck() throws Exception {
        MailServer.start();
        if (stuck != null) {
            stuck.release();
        }
    }

    private static Health awaitReady(String what, java.util.function.Predicate<Health> condition) throws InterruptedException {
        Health health = ManagementPort.awaitUntil(ManagementPort::ready, condition, DEADLINE);
        assertThat(condition.test(health)).as(what + ": " + health).isTrue();
        return health;
    }

    @Test
    void readiness_names_lorkits_checks_goes_down_while_the_mail_server_is_away_and_up_again_when_it_is_back() throws Exception {
        Health up = awaitReady("ready at first", health -> health.status() == 200);
        System.out.println("HealthIT GET " + ManagementPort.BASE + "/health/ready -> " + up);
        assertThat(up.overall()).isEqualTo("UP");
        for (String check : LORKIT_READINESS) {
            assertThat(up.statusOf(check)).as(check + " in " + up).isEqualTo("UP");
            // Once: WildFly sees lorkit-ejb.jar's checks only through TopLevelHealthChecks (WFLY-12835); should it find
            // them itself one day, they would be listed twice and that extension could go.
            assertThat(up.count(check)).as(check + " listed once").isEqualTo(1);
        }
        assertThat(up.statusOf("deployments-status")).as("WildFly's own checks stay").isEqualTo("UP");
        JsonObject smtp = up.check("lorkit-smtp").getJsonObject("data");
        assertThat(smtp.getString("host")).isEqualTo("127.0.0.1");
        assertThat(smtp.getJsonNumber("port").intValue()).isEqualTo(2525);
        assertThat(smtp.getString("reply")).startsWith("250");
        assertThat(up.check("lorkit-keycloak").getJsonObject("data").getString("url"))
                .isEqualTo("http://localhost:8180/realms/lorkit/.well-known/openid-configuration");
        assertThat(up.check("lorkit-outbox").getJsonObject("data").getJsonNumber("max-age-seconds").longValue()).isEqualTo(900);
        assertThat(up.json().toString()).as("no credential in readiness").doesNotContain("password", "secret", "lorkit-admin-dev");

        MailServer.stop();
        Health down = awaitReady("down while the mail server is away", health -> health.status() == 503);
        System.out.println("HealthIT GET " + ManagementPort.BASE + "/health/ready while GreenMail is stopped -> " + down);
        assertThat(down.overall()).isEqualTo("DOWN");
        assertThat(down.statusOf("lorkit-smtp")).isEqualTo("DOWN");
        assertThat(down.check("lorkit-smtp").getJsonObject("data").getString("error")).startsWith("ConnectException");
        assertThat(down.statusOf("lorkit-database")).as("only the mail server is away").isEqualTo("UP");

        MailServer.start();
        Health back = awaitReady("up again once the mail server is back", health -> health.status() == 200);
        assertThat(back.statusOf("lorkit-smtp")).isEqualTo("UP");
    }

    @Test
    void an_email_due_for_longer_than_the_limit_takes_readiness_down_through_the_outbox_check() throws Exception {
        awaitReady("ready at first", health -> health.status() == 200);
        stuck = StuckEmail.claimedElsewhere(dataSource, fixtures.agency().id(), clocks.now().minus(Duration.ofMinutes(16)));

        Health down = awaitReady("down while an email has waited 16 minutes", health -> health.status() == 503);
        assertThat(down.statusOf("lorkit-outbox")).isEqualTo("DOWN");
        JsonObject data = down.check("lorkit-outbox").getJsonObject("data");
        assertThat(data.getJsonNumber("due").longValue()).isGreaterThanOrEqualTo(1);
        assertThat(data.getJsonNumber("oldest-due-age-seconds").longValue()).isGreaterThanOrEqualTo(16 * 60);
        assertThat(down.statusOf("lorkit-smtp")).isEqualTo("UP");

        stuck.release();
        stuck = null;
        assertThat(awaitReady("up once it is gone", health -> health.status() == 200).statusOf("lorkit-outbox")).isEqualTo("UP");
    }

    @Test
    void liveness_is_up_names_the_outbox_sender_and_does_not_mind_the_mail_server_being_away() throws Exception {
        Health live = ManagementPort.live();
        System.out.println("HealthIT GET " + ManagementPort.BASE + "/health/live -> " + live);
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(live.statusOf("lorkit-outbox-sender")).isEqualTo("UP");
        assertThat(live.count("lorkit-outbox-sender")).isEqualTo(1);
        assertThat(live.check("lorkit-outbox-sender").getJsonObject("data").getJsonNumber("limit-seconds").longValue()).isEqualTo(300);

        MailServer.stop();
        sender.sendDue();
        assertThat(ManagementPort.live().status()).as("a mail server away is no reason to restart a node").isEqualTo(200);
    }
}
