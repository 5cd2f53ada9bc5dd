package dev.trent.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * Arbitrary bytes on one connection of the server's real pipeline (HTTP codec, bounded aggregator, admin
 * handler, KMS handler) over a real dispatcher: whatever arrives, every answer is a well-formed HTTP response
 * below 500 with the protocol's JSON error body, and no buffer is left behind. {@code mvn verify} replays the
 * inputs under {@code HttpRequestFuzzTestInputs} and then fuzzes for a bounded time (see README, Fuzzing).
 */
class HttpRequestFuzzTest {

    private static final String ADMIN_TYPE = "application/json";
    private static final Fixture TRENT = new Fixture();

    @AfterAll
    static void stop() {
        TRENT.close();
    }

    @FuzzTest(maxDuration = "30s")
    void anyBytes_getWellFormedAnswersBelow500(byte[] input) {
        if (input.length == 0) {
            return; // a socket never delivers an empty read
        }
        EmbeddedChannel connection = TRENT.get().connection();
        HeadRequests heads = new HeadRequests();
        connection.pipeline().addAfter(connection.pipeline().context(HttpServerCodec.class).name(), "heads", heads);
        ByteBuf bytes = Unpooled.copiedBuffer(input);
        List<ByteBuf> wire = InTime.run(() -> {
            connection.writeInbound(bytes);
            List<ByteBuf> written = new ArrayList<>();
            for (Object out = connection.readOutbound(); out != null; out = connection.readOutbound()) {
                written.add((ByteBuf) out);
            }
            return written;
        }, () -> printable(input));
        assertFalse(connection.finishAndReleaseAll(), () -> "response or buffer left behind for " + printable(input));
        assertEquals(0, bytes.refCnt(), () -> "request bytes not released for " + printable(input));

        List<FullHttpResponse> responses = WireResponses.decode(wire, heads);
        try {
            for (FullHttpResponse response : responses) {
                check(response, input);
            }
        } finally {
            responses.forEach(FullHttpResponse::release);
        }
    }

    private static void check(FullHttpResponse response, byte[] input) {
        String body = response.content().toString(StandardCharsets.UTF_8);
        String context = response.status() + " " + body + " for " + printable(input);
        assertTrue(response.decoderResult().isSuccess(), () -> "malformed response: " + context);
        assertTrue(response.status().code() < 500, () -> "server error: " + context);
        if (response.status().code() >= 400 && response.content().isReadable()) {
            // KMS errors are awsJson1.1's {"__type":...}; the admin API's are {"error":...} (README, Admin API).
            String shape = ADMIN_TYPE.equals(response.headers().get(HttpHeaderNames.CONTENT_TYPE))
                    ? "{\"error\":\"" : "{\"__type\":\"";
            assertTrue(body.startsWith(shape), () -> "error not shaped " + shape + ": " + context);
        }
        if (response.headers().contains(HttpHeaderNames.CONTENT_LENGTH) && response.content().isReadable()) {
            assertEquals(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH), response.content().readableBytes(),
                    () -> "Content-Length: " + context);
        }
    }

    private static String printable(byte[] input) {
        return new String(input, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
    }
}
