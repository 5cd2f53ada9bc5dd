package dev.trent.server.http;

import dev.trent.server.auth.SignedRequest;
import io.netty.handler.codec.http.FullHttpRequest;
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
        return SignedRequest.of(request.method().name(), request.uri(), headers, body);
    }
}
