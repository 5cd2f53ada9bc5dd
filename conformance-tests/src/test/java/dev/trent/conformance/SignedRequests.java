package dev.trent.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.auth.SecretAccessKey;
import dev.trent.server.auth.SigV4Signer;
import dev.trent.server.auth.SignedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Requests on the wire, for what the SDK will not do: capture a request exactly as the SDK signed and sent it,
 * send it again byte for byte (or with another body) over a plain socket, and call the admin API with a
 * signature.
 */
final class SignedRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer: status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    /** A request as the SDK signed it. */
    record Captured(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

        String header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElseThrow();
        }
    }

    /** Keeps the last request the SDK sent, after signing. */
    static final class Recorder implements ExecutionInterceptor {
        private volatile Captured last;

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            SdkHttpRequest request = context.httpRequest();
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            request.forEachHeader((name, values) -> values.forEach(value -> headers.add(Map.entry(name, value))));
            byte[] body = context.requestBody().map(b -> {
                try (InputStream in = b.contentStreamProvider().newStream()) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).orElse(new byte[0]);
            String target = request.encodedPath().isEmpty() ? "/" : request.encodedPath();
            last = new Captured(request.method().name(), target, headers, body);
        }

        Captured last() {
            return last;
        }
    }

    private SignedRequests() {
    }

    /** Sends {@code request} with {@code body} in place of its own (Content-Length adjusted) over a new socket. */
    static Answer replay(URI endpoint, Captured request, byte[] body) {
        StringBuilder head = new StringBuilder(request.method() + " " + request.target() + " HTTP/1.1\r\n");
        for (Map.Entry<String, String> header : request.headers()) {
            if (!header.getKey().equalsIgnoreCase("Content-Length")) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
        }
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(received);
            String response = received.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Answer(status, JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An admin API call signed with {@code accessKeyId}/{@code secret} at {@code at} (unsigned when null). */
    static Answer admin(URI endpoint, String method, String path, String body, String accessKeyId, String secret,
                        Instant at) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String host = endpoint.getHost() + ":" + endpoint.getPort();
        List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(Map.entry("Host", host)));
        if (accessKeyId != null) {
            headers.addAll(new SigV4Signer().sign(SignedRequest.of(method, path, headers, bytes), accessKeyId,
                    SecretAccessKey.of(secret), Optional.empty(), at, "us-east-1", "kms").headers());
        }
        return replay(endpoint, new Captured(method, path, headers, bytes), bytes);
    }
}
