package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limit on a listening channel's pipeline, fed accepted channels as Netty's accept loop does. */
class ConnectionLimitTest {

    private final EmbeddedChannel listening = new EmbeddedChannel(new ConnectionLimit(2, Clock.systemUTC()));

    @AfterEach
    void finish() {
        assertFalse(listening.finishAndReleaseAll());
    }

    @Test
    void connectionOverTheLimit_isClosedAtOnceAndCounted_andAClosedOneFreesItsPlace() {
        Channel first = accept();
        Channel second = accept();
        assertSame(first, listening.readInbound(), "handed on to the acceptor");
        assertSame(second, listening.readInbound());

        Channel third = accept();
        assertFalse(third.isOpen(), "closed on the accepting thread");
        assertNull(listening.readInbound());
        assertEquals(1, limit().refused());

        first.close();
        Channel fourth = accept();
        assertTrue(fourth.isOpen());
        assertSame(fourth, listening.readInbound());
        assertEquals(1, limit().refused());
        second.close();
        fourth.close();
    }

    private Channel accept() {
        Channel child = new EmbeddedChannel();
        listening.writeInbound(child);
        return child;
    }

    private ConnectionLimit limit() {
        return listening.pipeline().get(ConnectionLimit.class);
    }
}
