package org.lorkit.it.support;

import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local SMTP server for the benchmark's mail relay (SubEthaSMTP): accepts everything and counts the mails
 * and their distinct Message-IDs, so that a lost or doubled mail shows. The tests' GreenMail is not used for
 * throughput: on this machine's loopback each of its replies waits ~43 ms (it writes a reply and its line end
 * separately, and the second write waits for a delayed ACK), which would measure GreenMail, not LorKit.
 */
public final class SmtpSink implements AutoCloseable {
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");

    private final SMTPServer server;
    private final AtomicInteger received = new AtomicInteger();
    private final Set<String> messageIds = ConcurrentHashMap.newKeySet();

    public SmtpSink(int port) {
        server = SMTPServer.port(port).hostName("127.0.0.1").simpleMessageListener(new SimpleMessageListener() {
            @Override
            public boolean accept(String from, String recipient) {
                return true;
            }

            @Override
            public void deliver(String from, String recipient, InputStream data) throws IOException {
                Matcher id = MESSAGE_ID.matcher(new String(data.readAllBytes(), StandardCharsets.UTF_8));
                if (id.find()) {
                    messageIds.add(id.group(1));
                }
                received.incrementAndGet();
            }
        }).build();
        server.start();
    }

    public int received() {
        return received.get();
    }

    public int distinctMessageIds() {
        return messageIds.size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
