package org.lorkit.infrastructure.health;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP probe against small servers on a free local port, each answering as a test needs. */
class SmtpProbeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void a_server_that_greets_and_answers_ehlo_over_several_lines_is_up_and_is_told_quit() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Server server = new Server("220 relay.example ESMTP", heard, "250-relay.example", "250-PIPELINING", "250 STARTTLS")) {
            SmtpProbe.Answer answer = SmtpProbe.ask("127.0.0.1", server.port(), "lorkit.example", TIMEOUT);
            assertThat(answer.up()).as(answer.detail()).isTrue();
            assertThat(answer.detail()).isEqualTo("250-relay.example");
            server.awaitDone();
        }
        assertThat(heard).containsExactly("EHLO lorkit.example", "QUIT");
    }

    @Test
    void a_server_that_refuses_in_its_greeting_or_to_ehlo_is_down_with_its_answer() throws Exception {
        try (Server busy = new Server("421 4.3.2 too busy, try later", new CopyOnWriteArrayList<>())) {
            SmtpProbe.Answer answer = SmtpProbe.ask("127.0.0.1", busy.port(), "lorkit.example", TIMEOUT);
            assertThat(answer.up()).isFalse();
            assertThat(answer.detail()).isEqualTo("greeted with 421 4.3.2 too busy, try later");
        }
        try (Server picky = new Server("220 relay.example", new CopyOnWriteArrayList<>(), "550 5.7.1 who are you")) {
            SmtpProbe.Answer answer = SmtpProbe.ask("127.0.0.1", picky.port(), "lorkit.example", TIMEOUT);
            assertThat(answer.up()).isFalse();
            assertThat(answer.detail()).isEqualTo("EHLO answered 550 5.7.1 who are you");
        }
    }

    @Test
    void nobody_listening_or_a_server_that_says_nothing_is_down_within_the_timeout() throws Exception {
        int free;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = socket.getLocalPort();
        }
        SmtpProbe.Answer refused = SmtpProbe.ask("127.0.0.1", free, "lorkit.example", TIMEOUT);
        assertThat(refused.up()).isFalse();
        assertThat(refused.detail()).startsWith("ConnectException");

        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SmtpProbe.Answer answer = SmtpProbe.ask("127.0.0.1", silent.getLocalPort(), "lorkit.example", Duration.ofMillis(300));
            assertThat(answer.up()).isFalse();
            assertThat(answer.detail()).startsWith("SocketTimeoutException");
        }
    }

    /** One connection: the greeting, then one reply (its lines) to the first command, then reads until closed. */
    private static final class Server implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final Thread thread;

        Server(String greeting, List<String> heard, String... ehloReply) throws IOException {
            thread = new Thread(() -> {
                try (Socket client = socket.accept()) {
                    OutputStream out = client.getOutputStream();
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    out.write((greeting + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    String line;
                    boolean replied = false;
                    while ((line = in.readLine()) != null) {
                        heard.add(line);
                        if (!replied) {
                            for (String reply : ehloReply) {
                                out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            }
                            out.flush();
                            replied = true;
                        }
                    }
                } catch (IOException ignored) {
                    // the probe hung up
                }
            });
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        void awaitDone() throws InterruptedException {
            thread.join(5000);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
