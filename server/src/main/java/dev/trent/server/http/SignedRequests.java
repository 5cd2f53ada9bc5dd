package dev.trent.server.http;

import dev.trent.server.auth.SignedRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Copies what SigV4 covers out of a Netty request, on the event loop, so that verifying can run later on
 * another thread after Netty has released the request's buffers.
 */
final class SignedRequests {

    private SignedRequests() {
    }

    static SignedRequest copyOf(FullHttpRequest request, byte[] body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers().size());
        request.headers().forEach(header -> headers.add(Map.entry(header.getKey(), header.getValue())));
        return SignedRequest.of(request.method().name(), originForm(request.uri()), headers, body);
    }

    /** A request-target in absolute form ({@code http://host/path?q}, as sent to a proxy) as {@code /path?q}. */
    static String originForm(String target) {
        if (target.startsWith("/")) {
            return target;
        }
        try {
            URI uri = new URI(target);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return target;
        }
    }
}
