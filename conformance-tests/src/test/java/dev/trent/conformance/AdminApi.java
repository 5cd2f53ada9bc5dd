package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Trent's admin API ({@code /_trent/...}) as a user reaches it: plain JSON over HTTP with the JDK's client, on
 * the same port as KMS and without signatures.
 */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an admin endpoint answered. */
    record Answer(int status, String contentType, String allow, JsonNode body) {
    }

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    AdminApi(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** {@code POST /_trent/clock}, which must succeed; returns its answer. */
    JsonNode advance(Duration amount) {
        Answer answer = send("POST", "/_trent/clock", "{\"advanceSeconds\": " + amount.getSeconds() + "}");
        assertEquals(200, answer.status(), () -> "advancing the clock: " + answer.body());
        return answer.body();
    }

    /** {@code DELETE /_trent/clock}, which must succeed. */
    JsonNode reset() {
        Answer answer = send("DELETE", "/_trent/clock", null);
        assertEquals(200, answer.status(), () -> "resetting the clock: " + answer.body());
        return answer.body();
    }

    JsonNode clock() {
        Answer answer = send("GET", "/_trent/clock", null);
        assertEquals(200, answer.status(), () -> "reading the clock: " + answer.body());
        return answer.body();
    }

    static Instant now(JsonNode clock) {
        return Instant.parse(clock.get("now").asText());
    }

    Answer send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Allow").orElse(null), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
