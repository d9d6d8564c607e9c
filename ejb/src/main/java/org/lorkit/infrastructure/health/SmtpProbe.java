package org.lorkit.infrastructure.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks an SMTP server whether it would take mail, as a sender's first steps do: its greeting (220), then EHLO (250),
 * then QUIT. Plain SMTP, like the outbox's connection before STARTTLS; nothing is authenticated or sent.
 */
final class SmtpProbe {
    private SmtpProbe() {
    }

    /** Whether the server answered as it should and, in words, its answer or what went wrong (one line). */
    record Answer(boolean up, String detail) {
    }

    static Answer ask(String host, int port, String ourName, Duration timeout) {
        int millis = (int) timeout.toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            String greeting = reply(in);
            if (!greeting.startsWith("220")) {
                return new Answer(false, "greeted with " + greeting);
            }
            out.write(("EHLO " + ourName + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String ehlo = reply(in);
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return ehlo.startsWith("250") ? new Answer(true, ehlo) : new Answer(false, "EHLO answered " + ehlo);
        } catch (IOException e) {
            return new Answer(false, describe(e));
        }
    }

    /** An exception in a line: its kind and, when it has one, its message (a host or port at most, never a login). */
    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** One reply, which may span lines ("250-..." then "250 ..."): its first line, at most 200 characters. */
    private static String reply(BufferedReader in) throws IOException {
        String first = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (first == null) {
                first = line;
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                break;
            }
        }
        if (first == null) {
            throw new IOException("the server closed the connection");
        }
        return first.length() > 200 ? first.substring(0, 200) : first;
    }
}
