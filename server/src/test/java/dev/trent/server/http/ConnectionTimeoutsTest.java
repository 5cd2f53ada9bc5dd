package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idle and slow-request deadlines on the real codec, with the channel's clock moved by hand. */
class ConnectionTimeoutsTest {

    private static final String HEAD = "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n";

    private final TicketKeeper keeper = new TicketKeeper();
    private final ConnectionTimeouts timeouts = new ConnectionTimeouts(Duration.ofSeconds(120), Duration.ofSeconds(30));
    private final EmbeddedChannel channel = new EmbeddedChannel();

    ConnectionTimeoutsTest() {
        channel.freezeTime();
        channel.pipeline().addLast(timeouts, new HttpServerCodec(), timeouts.requestBoundaries(),
                new InOrderResponses(), new io.netty.handler.codec.http.HttpObjectAggregator(1024), keeper);
    }

    @AfterEach
    void finish() {
        assertFalse(channel.finishAndReleaseAll(), "no response or buffer left behind");
    }

    @Test
    void requestTrickledSlowly_isClosed_30SecondsAfterItsFirstByte() {
        send("POST / HTTP/1.1\r\n");
        after(20);
        send("Host: localhost\r\n");
        after(9);
        assertTrue(channel.isOpen(), "29 s after the first byte");

        after(2);
        assertFalse(channel.isOpen(), "31 s after the first byte, though bytes kept coming");
    }

    @Test
    void idleKeepAliveConnection_isClosedAfterTheIdleTimeout_notBefore() {
        send(HEAD + "\r\n{}");
        keeper.answer(0);
        release(1);
        after(119);
        assertTrue(channel.isOpen(), "idle for 119 s");

        after(2);
        assertFalse(channel.isOpen());
    }

    @Test
    void connectionWhoseRequestIsStillRunning_isNotIdle() {
        send(HEAD + "\r\n{}");
        after(300);
        assertTrue(channel.isOpen(), "the server, not the client, is taking its time");

        keeper.answer(0);
        release(1);
        after(121);
        assertFalse(channel.isOpen());
    }

    @Test
    void requestWaitingWhileTheServerPausedReading_isNotTimedOut() {
        send(HEAD);
        channel.config().setAutoRead(false);
        after(60);
        assertTrue(channel.isOpen(), "reading was paused by the server");

        channel.config().setAutoRead(true);
        after(31);
        assertFalse(channel.isOpen());
    }

    @Test
    void newRequest_stopsTheIdleClock() {
        send(HEAD + "\r\n{}");
        keeper.answer(0);
        release(1);
        after(100);
        send(HEAD + "\r\n{}");
        after(100);
        assertTrue(channel.isOpen(), "a request is unanswered");
        assertEquals(2, keeper.uris.size());
        keeper.answer(1);
        release(1);
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    private void after(long seconds) {
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
    }

    private void release(int responses) {
        for (int n = 0; n < responses; n++) {
            ByteBuf written = channel.readOutbound();
            assertTrue(written != null, "a response was written");
            written.release();
        }
    }
}
