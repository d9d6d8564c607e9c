package org.lorkit.infrastructure.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import org.lorkit.domain.webhook.WebhookUrl;
import org.lorkit.settings.Settings;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Posts one webhook attempt. It follows no redirect (a 3xx is an answer like any other non-2xx: the admin fixes the
 * address), reads at most {@value #KEPT_BYTES} bytes of the answer, and gives up waiting after
 * {@link #CONNECT_TIMEOUT} to connect and {@link #ANSWER_TIMEOUT} for the answer, so that one slow receiver holds the
 * sender for seconds, not minutes. Before connecting it resolves the host and refuses a private or loopback address
 * ({@link WebhookUrl#isPublic}), whatever the address looked like when it was registered (a name can be pointed
 * anywhere later); with {@code LORKIT_WEBHOOKS_ALLOW_LOCALHOST} (tests, development) loopback is allowed.
 */
@ApplicationScoped
public class WebhookClient {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    static final int KEPT_BYTES = 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** The receiver's answer: its status and the start of its body. */
    public record Answer(int status, String body) {
        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    /** No answer: no connection, a refused address, or no answer in time. The message says which, for the log page. */
    public static class NoAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        NoAnswer(String message) {
            super(message);
        }
    }

    public Answer post(URI url, String body, Map<String, String> headers) throws NoAnswer {
        refusePrivate(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(ANSWER_TIMEOUT)
                .header("User-Agent", "LorKit-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream answer = response.body()) {
                return new Answer(response.statusCode(), new String(answer.readNBytes(KEPT_BYTES), StandardCharsets.UTF_8));
            } catch (IOException unreadable) {
                return new Answer(response.statusCode(), null);
            }
        } catch (HttpConnectTimeoutException e) {
            throw new NoAnswer("no connection to " + url.getHost() + " within " + CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw new NoAnswer("no answer within " + ANSWER_TIMEOUT.toSeconds() + " s");
        } catch (ConnectException e) {
            throw new NoAnswer("connection to " + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + " refused");
        } catch (IOException e) {
            throw new NoAnswer("connection failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted while waiting for the answer");
        }
    }

    private static void refusePrivate(URI url) throws NoAnswer {
        boolean localhostAllowed = Settings.flag(Settings.WEBHOOKS_ALLOW_LOCALHOST);
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new NoAnswer("the name " + host + " is not known");
        }
        for (InetAddress address : addresses) {
            if (!WebhookUrl.isPublic(address) && !(localhostAllowed && address.isLoopbackAddress())) {
                throw new NoAnswer("refused: " + host + " resolves to " + address.getHostAddress()
                        + ", a private or reserved address LorKit does not send to");
            }
        }
    }
}
