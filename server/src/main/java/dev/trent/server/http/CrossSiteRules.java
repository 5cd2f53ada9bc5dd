package dev.trent.server.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What keeps web pages away from the unauthenticated API. A page can make a browser send a request anywhere,
 * including to a server on 127.0.0.1, and can even have it sent under its own name after pointing that name at
 * 127.0.0.1 (DNS rebinding). Tools (AWS SDKs and CLI, curl, the {@code trent} command) send no {@code Origin}
 * and no {@code Sec-Fetch-*} headers; browsers send them on every request that could do harm. So a request is
 * refused when
 * <ol>
 *   <li>its {@code Host} is not one of the server's names: localhost and {@code *.localhost}, an IP address, the
 *   listening host or a name given with {@code --hostname} (this defeats DNS rebinding, where the page's own
 *   name reaches the server);</li>
 *   <li>it has an {@code Origin} other than the server's own ({@code null} included);</li>
 *   <li>it has a {@code Sec-Fetch-Site} other than {@code same-origin} or {@code none} (typed in the address
 *   bar);</li>
 *   <li>it looks browser-made ({@code Origin}, a {@code Sec-Fetch-*} header or a {@code User-Agent} starting
 *   with {@code Mozilla/}) and changes state (any method but GET, HEAD and OPTIONS) with a body type a page may
 *   send across sites without asking first: none, {@code text/plain},
 *   {@code application/x-www-form-urlencoded} or {@code multipart/form-data}. This also covers old browsers
 *   that send no {@code Origin} with a form.</li>
 * </ol>
 */
public final class CrossSiteRules {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SIMPLE_BODY_TYPES =
            Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    private final Set<String> names;
    private final boolean tls;

    /**
     * @param listeningHost the address or name the server listens on
     * @param hostnames     further names clients use to reach it ({@code --hostname})
     * @param tls           whether the server speaks HTTPS, which makes its own origin {@code https://...}
     */
    public CrossSiteRules(String listeningHost, Collection<String> hostnames, boolean tls) {
        Set<String> all = new LinkedHashSet<>();
        all.add("localhost");
        HostHeader.parse(listeningHost).or(() -> HostHeader.parse("[" + listeningHost + "]"))
                .ifPresent(h -> all.add(h.host()));
        for (String name : hostnames) {
            all.add(HostHeader.parse(name).map(HostHeader::host)
                    .orElseThrow(() -> new IllegalArgumentException("not a host name: '" + name + "'")));
        }
        this.names = Set.copyOf(all);
        this.tls = tls;
    }

    /** Why the request is refused, or empty when it may go on. */
    public Optional<String> refusal(HttpMethod method, HttpHeaders headers) {
        List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
        if (hosts.size() > 1) {
            return Optional.of("A request may carry only one Host header.");
        }
        Optional<HostHeader> host = hosts.isEmpty() ? Optional.empty() : HostHeader.parse(hosts.get(0).strip());
        if (!hosts.isEmpty() && (host.isEmpty() || !isOwnName(host.get()))) {
            String shown = host.map(HostHeader::host).orElse("NAME");
            return Optional.of("Host '" + hosts.get(0) + "' is not a name of this server, so the request is refused"
                    + " (protection against DNS rebinding). If clients reach Trent under this name, start it with"
                    + " --hostname " + shown + ".");
        }
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        if (origin != null && !isOwnOrigin(origin.strip(), host)) {
            return Optional.of("Cross-origin request from '" + origin + "' refused: Trent's API is not open to web"
                    + " pages.");
        }
        String site = headers.get("Sec-Fetch-Site");
        if (site != null && !OWN_FETCH_SITES.contains(site.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("Cross-site browser request (Sec-Fetch-Site: " + site + ") refused: Trent's API is"
                    + " not open to web pages.");
        }
        if (!SAFE_METHODS.contains(method.name()) && looksBrowserMade(headers)) {
            String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
            if (type == null || SIMPLE_BODY_TYPES.contains(essence(type))) {
                return Optional.of("A browser request that changes state must send Content-Type: application/json"
                        + " (got " + (type == null ? "none" : "'" + type + "'") + ").");
            }
        }
        return Optional.empty();
    }

    private boolean isOwnName(HostHeader host) {
        return host.isAddressLiteral() || names.contains(host.host()) || host.host().endsWith(".localhost");
    }

    /** Same scheme, host and port as this very request, as a page served by this server would send. */
    private boolean isOwnOrigin(String origin, Optional<HostHeader> host) {
        if (host.isEmpty()) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            String scheme = tls ? "https" : "http";
            if (!scheme.equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null
                    || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                return false;
            }
            Optional<HostHeader> from = HostHeader.parse(uri.getRawAuthority());
            int defaultPort = tls ? 443 : 80;
            return from.isPresent() && from.get().host().equals(host.get().host())
                    && from.get().portOr(defaultPort) == host.get().portOr(defaultPort);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean looksBrowserMade(HttpHeaders headers) {
        if (headers.contains(HttpHeaderNames.ORIGIN)) {
            return true;
        }
        for (String name : headers.names()) {
            if (name.toLowerCase(Locale.ROOT).startsWith("sec-fetch-")) {
                return true;
            }
        }
        String agent = headers.get(HttpHeaderNames.USER_AGENT);
        return agent != null && agent.startsWith("Mozilla/");
    }

    /** {@code text/plain;charset=UTF-8} -> {@code text/plain}. */
    private static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
