package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.admin.AdminRoutes;
import dev.trent.server.api.Dispatcher;
import dev.trent.server.api.OperationRegistry;
import dev.trent.server.api.Services;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.time.Housekeeping;
import dev.trent.server.time.MovableClock;
import dev.trent.server.time.TimeTravel;
import dev.trent.storage.Storage;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin handler in front of the KMS handler on an EmbeddedChannel, as the server's pipeline has them:
 * {@code /_trent/} requests get JSON answers from the admin routes, everything else still reaches KMS.
 */
class AdminHttpHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final Storage storage = Storage.inMemory();
    private final MovableClock clock = new MovableClock(Clock.fixed(START, ZoneOffset.UTC));
    private final Services services = Services.over(KeyRepository.load(storage.barrier(), clock), clock);
    private final Dispatcher dispatcher = new Dispatcher(new OperationRegistry(services));
    private final TimeTravel time = new TimeTravel(clock, new Housekeeping());
    private EmbeddedChannel channel = new EmbeddedChannel(new InOrderResponses(),
            new AdminHttpHandler(AdminRoutes.create(time, "test", services.lifecycle(), "111122223333", "us-east-1"), Runnable::run),
            new KmsHttpHandler(dispatcher, Runnable::run, new Accounts("111122223333", Map.of()), "us-east-1"));

    private record Reply(int status, String contentType, String connection, Map<String, String> headers,
                         JsonNode body) {
    }

    @AfterEach
    void finish() {
        assertFalse(channel.finishAndReleaseAll(), "no response or buffer left behind");
        storage.close();
    }

    @Test
    void health_isJson_onTheKmsPort_withoutSignature() throws Exception {
        Reply reply = send(request(HttpMethod.GET, "/_trent/health", null));

        assertEquals(200, reply.status);
        assertEquals("application/json", reply.contentType);
        assertEquals("ok", reply.body.get("status").asText());
        assertEquals("test", reply.body.get("version").asText());
        assertEquals(START.toString(), reply.body.get("now").asText());
        assertTrue(channel.isOpen(), "HTTP/1.1 keeps the connection");
    }

    @Test
    void postClock_advances_andKmsSeesTheMovedClock() throws Exception {
        Reply moved = send(request(HttpMethod.POST, "/_trent/clock", "{\"advanceSeconds\": 86400}"));
        assertEquals(200, moved.status);
        assertEquals(86400, moved.body.get("offsetSeconds").asLong());
        assertTrue(moved.body.get("fired").isObject());

        Reply created = send(kms("TrentService.CreateKey", "{}"));
        assertEquals(200, created.status);
        assertEquals(START.plusSeconds(86400).getEpochSecond(),
                created.body.at("/KeyMetadata/CreationDate").asLong());
    }

    @Test
    void adminRequestWhoseLaneIsFull_is429_atOnce() throws Exception {
        dev.trent.server.api.WorkLanes lanes = dev.trent.server.api.WorkLanes.start(
                new dev.trent.server.api.WorkLanes.Sizes(1, 1, 1, 1));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            for (int i = 0; i < 2; i++) { // the general lane's one thread, then its one queue slot
                lanes.general().execute(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            channel.finishAndReleaseAll();
            channel = new EmbeddedChannel(new InOrderResponses(), new AdminHttpHandler(AdminRoutes.create(time, "test", services.lifecycle(),
                    "111122223333", "us-east-1"), lanes.general()));

            Reply reply = send(request(HttpMethod.GET, "/_trent/health", null));

            assertEquals(429, reply.status);
            assertEquals("Throttled", reply.body.get("error").asText());
            assertTrue(channel.isOpen(), "a throttled client keeps its connection");
        } finally {
            release.countDown();
            lanes.shutdown(java.time.Duration.ofSeconds(10));
        }
    }

    @Test
    void unknownPath_is404Json_andWrongMethod_is405WithAllow() throws Exception {
        Reply unknown = send(request(HttpMethod.GET, "/_trent/nothing-here?x=1", null));
        assertEquals(404, unknown.status);
        assertEquals("application/json", unknown.contentType);
        assertEquals("NotFound", unknown.body.get("error").asText());

        Reply wrong = send(request(HttpMethod.PUT, "/_trent/clock", "{}"));
        assertEquals(405, wrong.status);
        assertEquals("MethodNotAllowed", wrong.body.get("error").asText());
        assertEquals("GET, POST, DELETE", wrong.headers.get("allow"));
    }

    @Test
    void malformedJson_is400Json_notAStackTrace() throws Exception {
        Reply reply = send(request(HttpMethod.POST, "/_trent/clock", "{\"advanceSeconds\": "));

        assertEquals(400, reply.status);
        assertEquals("InvalidJson", reply.body.get("error").asText());
        assertFalse(reply.body.get("message").asText().contains("\tat "));
        assertEquals(2, reply.body.size(), "only error and message");
    }

    @Test
    void otherPaths_stillReachKms() throws Exception {
        Reply generated = send(kms("TrentService.GenerateRandom", "{\"NumberOfBytes\":8}"));
        assertEquals(200, generated.status);
        assertEquals("application/x-amz-json-1.1", generated.contentType);

        Reply get = send(request(HttpMethod.GET, "/_trentish", null));
        assertEquals(405, get.status);
        assertEquals("application/x-amz-json-1.1", get.contentType, "not an admin path");
    }

    @Test
    void connectionClose_isHonoured() throws Exception {
        FullHttpRequest request = request(HttpMethod.GET, "/_trent/clock", null);
        request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);

        Reply reply = send(request);

        assertEquals("close", reply.connection);
        assertFalse(channel.isOpen());
    }

    @Test
    void shuttingDown_is503Json() throws Exception {
        channel.finishAndReleaseAll();
        channel = new EmbeddedChannel(new InOrderResponses(), new AdminHttpHandler(AdminRoutes.create(time, "test", services.lifecycle(), "111122223333", "us-east-1"), task -> {
            throw new RejectedExecutionException("stopped");
        }));

        Reply reply = send(request(HttpMethod.GET, "/_trent/health", null));

        assertEquals(503, reply.status);
        assertEquals("ShuttingDown", reply.body.get("error").asText());
    }

    private Reply send(FullHttpRequest request) throws Exception {
        channel.writeInbound(request);
        FullHttpResponse response = channel.readOutbound();
        assertTrue(response != null, "a response was written");
        try {
            String text = response.content().toString(StandardCharsets.UTF_8);
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length,
                    response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH, -1), "Content-Length");
            Map<String, String> headers = new HashMap<>();
            response.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            return new Reply(response.status().code(), response.headers().get(HttpHeaderNames.CONTENT_TYPE),
                    response.headers().get(HttpHeaderNames.CONNECTION), headers, JSON.readTree(text));
        } finally {
            response.release();
        }
    }

    private static FullHttpRequest request(HttpMethod method, String uri, String body) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri,
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    }

    private static FullHttpRequest kms(String target, String body) {
        FullHttpRequest request = request(HttpMethod.POST, "/", body);
        request.headers().set("X-Amz-Target", target).set(HttpHeaderNames.CONTENT_TYPE, "application/x-amz-json-1.1");
        return request;
    }
}
