package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ordering logic alone: answers finished in any order, on any thread, leave in request order. */
class InOrderResponsesTest {

    private final TicketKeeper keeper = new TicketKeeper();
    private EmbeddedChannel channel = new EmbeddedChannel(new InOrderResponses(), keeper);

    @AfterEach
    void finish() {
        assertFalse(channel.finishAndReleaseAll(), "no response or buffer left behind");
    }

    @Test
    void answersFinishedOutOfOrder_areWrittenInRequestOrder() {
        read("/0", "/1", "/2");

        keeper.answer(2);
        assertEquals(List.of(), written(), "the third answer waits for the first two");
        keeper.answer(0);
        assertEquals(List.of("/0"), written());
        keeper.answer(1);
        assertEquals(List.of("/1", "/2"), written());
    }

    @Test
    void answerFromAnotherThread_isWrittenOnTheEventLoop_inItsTurn() throws Exception {
        read("/0", "/1");

        Thread worker = new Thread(() -> keeper.answer(1));
        worker.start();
        worker.join();
        keeper.answer(0);
        channel.runPendingTasks();

        assertEquals(List.of("/0", "/1"), written());
    }

    @Test
    void responseWrittenWhileARequestIsRead_answersThatRequest_andWaitsForItsTurn() {
        channel.finishAndReleaseAll();
        TicketKeeper keeper = new TicketKeeper();
        channel = new EmbeddedChannel(new InOrderResponses(), new TooLargeAnswerer(), keeper);
        read("/0", "/too-large", "/after");

        assertEquals(List.of("/0"), keeper.uris, "nothing after an answer that closes the connection runs");
        assertEquals(List.of(), written());
        keeper.answer(0);
        assertEquals(List.of("/0", "413"), written());
        assertFalse(channel.isOpen());
    }

    @Test
    void requestAskingToClose_isTheLastOneRead() {
        FullHttpRequest last = request("/last");
        last.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        channel.writeInbound(request("/0"), last, request("/never"));

        assertEquals(List.of("/0", "/last"), keeper.uris);
        keeper.answer(0);
        keeper.tickets.get(1).send(TicketKeeper.response(HttpResponseStatus.OK, "/last"), false);
        assertEquals(List.of("/0", "/last"), written());
        assertFalse(channel.isOpen());
    }

    @Test
    void answerAfterTheConnectionClosed_isReleased() {
        read("/0", "/1");
        keeper.answer(1);
        channel.close();

        keeper.answer(0);

        assertEquals(List.of(), written());
    }

    /** Answers /too-large itself while reading it, as the aggregator does, and closes. */
    private static final class TooLargeAnswerer extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest request && request.uri().equals("/too-large")) {
                request.release();
                FullHttpResponse response = TicketKeeper.response(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "413");
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }

    private void read(String... uris) {
        for (String uri : uris) {
            channel.writeInbound(request(uri));
        }
    }

    private static FullHttpRequest request(String uri) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, uri);
    }

    /** The bodies written so far, in order. */
    private List<String> written() {
        List<String> bodies = new ArrayList<>();
        for (FullHttpResponse response = channel.readOutbound(); response != null; response = channel.readOutbound()) {
            bodies.add(response.content().toString(StandardCharsets.UTF_8));
            response.release();
        }
        assertNull(channel.readOutbound());
        return bodies;
    }
}
