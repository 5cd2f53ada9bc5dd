package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reading stops at the depth limit or a full outbound buffer, before requests run, and resumes as they drain. */
class ReadBackpressureTest {

    private final TicketKeeper keeper = new TicketKeeper();
    private final EmbeddedChannel channel = new EmbeddedChannel(new ReadBackpressure(4), new InOrderResponses(),
            keeper);

    @AfterEach
    void finish() {
        assertFalse(channel.finishAndReleaseAll(), "no response or buffer left behind");
    }

    @Test
    void requestsBeyondTheDepth_waitUnrun_andReadingStops_untilAnswersAreWritten() {
        read(10);

        assertEquals(4, keeper.uris.size(), "only the first four run");
        assertFalse(channel.config().isAutoRead());

        keeper.answer(0);
        channel.runPendingTasks();
        assertEquals(5, keeper.uris.size());
        assertFalse(channel.config().isAutoRead());

        for (int n = 1; n < 10; n++) {
            keeper.answer(n);
            channel.runPendingTasks();
        }
        assertEquals(10, keeper.uris.size());
        assertTrue(channel.config().isAutoRead(), "reading again once nothing waits");
        assertEquals(10, drain());
    }

    @Test
    void outboundBufferAboveHighWater_stopsReading_untilItDrains() {
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        channel.runPendingTasks();
        assertFalse(channel.isWritable());
        assertFalse(channel.config().isAutoRead());

        read(2);
        assertEquals(0, keeper.uris.size(), "nothing runs while the client does not read");

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        channel.runPendingTasks();
        assertEquals(2, keeper.uris.size());
        assertTrue(channel.config().isAutoRead());
        keeper.answer(0);
        keeper.answer(1);
        assertEquals(2, drain());
    }

    private void read(int count) {
        for (int n = 0; n < count; n++) {
            channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/" + n));
        }
    }

    private int drain() {
        int count = 0;
        for (FullHttpResponse response = channel.readOutbound(); response != null; response = channel.readOutbound()) {
            assertEquals("/" + count, response.content().toString(java.nio.charset.StandardCharsets.UTF_8));
            response.release();
            count++;
        }
        return count;
    }
}
