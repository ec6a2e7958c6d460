package org.agora.opendata;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses webhooks may be sent to. Only HTTPS to public addresses: a URL whose host is, or resolves to, a
 * loopback, private, link-local, shared (100.64/10), unspecified, multicast or reserved address is refused, so that
 * staff cannot make the server call its own network (SSRF). The check runs when the endpoint is registered and again
 * before every attempt, since DNS may have changed. For tests and development,
 * {@code agora.webhooks.allow-insecure-localhost=true} lets loopback addresses through, over HTTP or HTTPS.
 */
@Component
class WebhookUrls {

    static final int MAX_LENGTH = 500;

    /** Resolves a host name; a seam for tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowInsecureLocalhost;
    private final Resolver resolver;

    @Autowired
    WebhookUrls(@Value("${agora.webhooks.allow-insecure-localhost:false}") boolean allowInsecureLocalhost) {
        this(allowInsecureLocalhost, InetAddress::getAllByName);
    }

    WebhookUrls(boolean allowInsecureLocalhost, Resolver resolver) {
        this.allowInsecureLocalhost = allowInsecureLocalhost;
        this.resolver = resolver;
    }

    /** Why this URL may not receive webhooks, as a message key of the opendata bundle; empty when it may. */
    Optional<String> problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of("opendata.webhooks.url.required");
        }
        String text = raw.strip();
        if (text.length() > MAX_LENGTH) {
            return Optional.of("opendata.webhooks.url.tooLong");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("opendata.webhooks.url.invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.isOpaque()) {
            return Optional.of("opendata.webhooks.url.invalid");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("opendata.webhooks.url.credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("opendata.webhooks.url.invalid");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean localName = host.equalsIgnoreCase("localhost") || host.toLowerCase(Locale.ROOT).endsWith(".localhost");
        if (scheme.equals("http") && !(allowInsecureLocalhost && (localName || isLoopbackLiteral(host)))) {
            return Optional.of("opendata.webhooks.url.https");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of("opendata.webhooks.url.unresolved");
        }
        if (addresses.length == 0) {
            return Optional.of("opendata.webhooks.url.unresolved");
        }
        boolean allLoopback = Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        if (allowInsecureLocalhost && allLoopback) {
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            return Optional.of("opendata.webhooks.url.https");
        }
        if (localName || Arrays.stream(addresses).anyMatch(WebhookUrls::notPublic)) {
            return Optional.of("opendata.webhooks.url.private");
        }
        return Optional.empty();
    }

    private static boolean isLoopbackLiteral(String host) {
        return host.matches("127(\\.\\d{1,3}){3}") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }

    /** Loopback, private, link-local, shared, unspecified, multicast, or one of the reserved IPv4 and IPv6 blocks. */
    static boolean notPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int a = bytes[0] & 0xff;
            int b = bytes[1] & 0xff;
            return a == 0                                  // "this" network
                    || a == 100 && b >= 64 && b <= 127     // shared address space (carrier-grade NAT)
                    || a == 192 && b == 0 && (bytes[2] & 0xff) == 0   // IETF protocol assignments
                    || a == 198 && (b == 18 || b == 19)    // benchmarking
                    || a >= 240;                           // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                  // unique local fc00::/7
                return true;
            }
            boolean ipv4Compatible = true;                 // ::a.b.c.d and the NAT64 prefix 64:ff9b::/96
            for (int i = 0; i < 12; i++) {
                ipv4Compatible &= bytes[i] == 0;
            }
            boolean nat64 = first == 0 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
            if (ipv4Compatible || nat64) {
                try {
                    return notPublic(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
