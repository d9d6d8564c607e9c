package org.lorkit.infrastructure.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import org.lorkit.domain.webhook.WebhookUrl;
import org.lorkit.settings.Settings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one webhook attempt. It follows no redirect (a 3xx is an answer like any other non-2xx: the admin fixes the
 * address), reads at most {@value #KEPT_BYTES} bytes of the answer, and gives up waiting after
 * {@link #CONNECT_TIMEOUT} to connect and {@link #ANSWER_TIMEOUT} for the answer, its status and those first bytes
 * together (a receiver that sends its headers and then trickles its body is cut off too), so that one slow receiver
 * holds the sender for seconds, not minutes. Before connecting it resolves the host and refuses a private or loopback address
 * ({@link WebhookUrl#isPublic}), whatever the address looked like when it was registered (a name can be pointed
 * anywhere later); with {@code LORKIT_WEBHOOKS_ALLOW_LOCALHOST} (tests, development) loopback is allowed.
 */
@ApplicationScoped
public class WebhookClient {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    static final int KEPT_BYTES = 1024;

    private final Duration connectTimeout;
    private final Duration answerTimeout;
    private final HttpClient http;

    public WebhookClient() {
        this(CONNECT_TIMEOUT, ANSWER_TIMEOUT);
    }

    /** Shorter waits, for the tests of a receiver that never finishes. */
    WebhookClient(Duration connectTimeout, Duration answerTimeout) {
        this.connectTimeout = connectTimeout;
        this.answerTimeout = answerTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

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
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(answerTimeout)
                .header("User-Agent", "LorKit-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<String>> exchange =
                http.sendAsync(request.build(), info -> new FirstBytes(KEPT_BYTES));
        try {
            HttpResponse<String> response = exchange.get(connectTimeout.plus(answerTimeout).toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new NoAnswer("no answer within " + answerTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw new NoAnswer("no connection to " + url.getHost() + " within " + connectTimeout.toSeconds() + " s");
            }
            if (cause instanceof HttpTimeoutException) {
                throw new NoAnswer("no answer within " + answerTimeout.toSeconds() + " s");
            }
            if (cause instanceof ConnectException || cause.getCause() instanceof ConnectException) {
                throw new NoAnswer("connection to " + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + " refused");
            }
            throw new NoAnswer("connection failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
    }

    /**
     * Keeps the first bytes of an answer's body and then stops reading it: the log page shows only its start, and a
     * receiver's long or endless body must not hold the sender.
     */
    static final class FirstBytes implements HttpResponse.BodySubscriber<String> {
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        FirstBytes(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - kept.size());
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                kept.write(bytes, 0, take);
            }
            if (kept.size() >= limit) {
                subscription.cancel();
                finish();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            finish(); // the status came; what of the body did is kept
        }

        @Override
        public void onComplete() {
            finish();
        }

        private void finish() {
            body.complete(kept.toString(StandardCharsets.UTF_8));
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
