package org.lorkit.domain.webhook;

import org.lorkit.domain.shared.DomainException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which addresses LorKit sends events to: HTTPS to a public host, nothing else. An admin of one agency must not be
 * able to make LorKit's servers call its own private network (the database, the mail relay, a cloud's metadata
 * service), so a host written as a private, loopback or link-local address is refused when the endpoint is
 * registered, and the sender checks again what the name resolves to before each delivery ({@link #isPublic}).
 * Tests and a developer's machine may allow {@code http://localhost} and {@code http://127.0.0.1} (the
 * {@code LORKIT_WEBHOOKS_ALLOW_LOCALHOST} setting); production never does.
 */
public final class WebhookUrl {
    public static final int MAX_LENGTH = 500;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private WebhookUrl() {
    }

    /**
     * The address, checked and normalised, or a refusal in words on the field {@code url}.
     *
     * @param localhostAllowed whether http and https to localhost / 127.0.0.1 / [::1] are allowed (tests, development)
     */
    public static URI check(String url, boolean localhostAllowed) {
        if (url == null || url.isBlank()) {
            throw refused("Enter the address LorKit should send events to, such as https://hooks.example.org/lorkit");
        }
        String written = url.strip();
        if (written.length() > MAX_LENGTH) {
            throw refused("The address must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(written);
        } catch (URISyntaxException e) {
            throw refused("That is not a web address LorKit can use: write it whole, such as https://hooks.example.org/lorkit");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isBlank()) {
            throw refused("Write the whole address, starting with https://, such as https://hooks.example.org/lorkit");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("Leave the user name and password out of the address: LorKit signs every event instead");
        }
        if (uri.getRawFragment() != null) {
            throw refused("Leave the part after # out of the address: it is never sent to the server");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = isLocalhost(host);
        if (local && !localhostAllowed) {
            throw refused("LorKit does not send events to " + host + ": that is LorKit's own server. Use your receiver's public address");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
            throw refused("LorKit sends events over HTTPS only: the address must start with https://");
        }
        if (!local && isAddressLiteral(host) && !isPublic(literal(host))) {
            throw refused("LorKit sends events only to public addresses, and " + host + " is a private or reserved one");
        }
        if (!local && (host.endsWith(".localhost") || host.equals("localhost.localdomain"))) {
            throw refused("LorKit does not send events to " + host + ": that is LorKit's own server. Use your receiver's public address");
        }
        return uri;
    }

    /** localhost, 127.0.0.1 (any of 127/8) or [::1]: the machine LorKit itself runs on. */
    public static boolean isLocalhost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost")) {
            return true;
        }
        return isAddressLiteral(name) && literal(name).isLoopbackAddress();
    }

    /**
     * Whether LorKit may send to this address: not the wildcard, loopback, link-local (169.254/16, fe80::/10, where
     * clouds answer with credentials), private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10),
     * "this network" (0/8) or multicast.
     */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second <= 127) && first < 224;
        }
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        return true;
    }

    private static boolean isAddressLiteral(String host) {
        return IPV4.matcher(host).matches() || host.startsWith("[") || host.contains(":");
    }

    /** The address a literal host names (URI has checked its form): no name is looked up. */
    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw refused("That is not a web address LorKit can use: " + host + " is no valid address");
        }
    }

    private static DomainException refused(String why) {
        return new DomainException("url", why);
    }
}
