package org.lorkit.it.support;

import java.io.OutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops and starts the tests' mail server (GreenMail) from inside the server, through ear/src/main/scripts/mail.sh
 * (the script, the jar and its state folder are the server's system properties lorkit.it.mail.*): stop returns once
 * the process has exited and its ports are free, start once it answers again.
 */
public final class MailServer {
    private MailServer() {
    }

    public static void stop() throws Exception {
        run("stop", List.of("bash", System.getProperty("lorkit.it.mail.script"), "stop", System.getProperty("lorkit.it.mail.state")));
    }

    public static void start() throws Exception {
        run("start", List.of("bash", System.getProperty("lorkit.it.mail.script"), "start", System.getProperty("lorkit.it.mail.jar"),
                System.getProperty("lorkit.it.mail.state")));
    }

    private static void run(String command, List<String> call) throws Exception {
        Process process = new ProcessBuilder(call).redirectErrorStream(true).start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(process.waitFor()).as("mail.sh " + command).isZero();
    }
}
