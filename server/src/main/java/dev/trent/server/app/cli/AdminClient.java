package dev.trent.server.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Talks to the admin API of a running Trent ({@code /_trent/...}) for the command line. Every failure becomes a
 * {@link CliException} with one line the user can act on: Trent not running, not Trent at that address, or the
 * server's own error message.
 */
public final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Moving the clock a long way fires every rotation and deletion on the way, which can take a while. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final URI endpoint;
    private final HttpClient http;
    private final Optional<AdminSigner> signer;
    /** How far the server's clock is ahead of this machine's; learnt once, when requests are signed. */
    private Duration serverClockOffset;

    /** A client whose requests go unsigned, as {@code --auth off} takes them. */
    public AdminClient(URI endpoint) {
        this(endpoint, Optional.empty());
    }

    AdminClient(URI endpoint, Optional<AdminSigner> signer) {
        this.endpoint = endpoint;
        this.signer = signer;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /**
     * The endpoint an {@code --endpoint} value names.
     *
     * @throws CliException unless it is an http or https URL with a host
     */
    public static URI endpoint(String value) {
        try {
            URI uri = new URI(value.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new CliException("invalid --endpoint '" + value + "': expected a URL like http://localhost:4566");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CliException("invalid --endpoint '" + value + "': " + e.getMessage(), e);
        }
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, JsonNode body) {
        return send("POST", path, json(body));
    }

    public JsonNode put(String path, JsonNode body) {
        return send("PUT", path, json(body));
    }

    public JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** A DELETE that carries a JSON body (a reason, for example). */
    public JsonNode delete(String path, JsonNode body) {
        return send("DELETE", path, json(body));
    }

    private static byte[] json(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private JsonNode send(String method, String path, byte[] body) {
        String base = endpoint.toString().replaceAll("/+$", "");
        URI uri = URI.create(base + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (signer.isPresent()) {
            signer.get().sign(builder, method, uri, body == null ? new byte[0] : body,
                    Instant.now().plus(serverClockOffset()));
        }
        return send(builder);
    }

    /**
     * Signatures are judged by the server's clock, which {@code trent clock advance} moves; like the AWS SDKs
     * after a skew error, the client signs with the server's time, read once from the health endpoint (which
     * needs no signature).
     */
    private Duration serverClockOffset() {
        if (serverClockOffset == null) {
            Instant before = Instant.now();
            JsonNode now = send(HttpRequest.newBuilder(URI.create(endpoint.toString().replaceAll("/+$", "")
                    + "/_trent/health")).timeout(REQUEST_TIMEOUT).GET()).get("now");
            serverClockOffset = now != null && now.isTextual()
                    ? Duration.between(before, Instant.parse(now.asText())) : Duration.ZERO;
        }
        return serverClockOffset;
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("no answer within " + CONNECT_TIMEOUT.toSeconds() + " seconds", e);
        } catch (ConnectException e) {
            throw unreachable("connection refused", e);
        } catch (HttpTimeoutException e) {
            throw new CliException("Trent at " + endpoint + " did not answer within " + REQUEST_TIMEOUT.toMinutes()
                    + " minutes", e);
        } catch (IOException e) {
            throw unreachable(e.getMessage() == null || e.getMessage().isBlank()
                    ? e.getClass().getSimpleName() : e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while waiting for Trent at " + endpoint, e);
        }
        JsonNode body = parse(response);
        if (response.statusCode() >= 400) {
            JsonNode message = body.get("message");
            throw new CliException((message != null && message.isTextual() ? message.asText()
                    : "the server answered HTTP " + response.statusCode()) + " (HTTP " + response.statusCode() + ")");
        }
        return body;
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException notJson) {
            // falls through to the same answer as any other non-object
        }
        throw new CliException("the server at " + endpoint + " answered HTTP " + response.statusCode()
                + " without a JSON object; is it Trent (with the admin API, under /_trent/)?");
    }

    private CliException unreachable(String reason, IOException e) {
        return new CliException("cannot reach Trent at " + endpoint + " (" + reason + "); is 'trent serve' running?",
                e);
    }
}
