package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's pipeline on a real socket, against a client that pipelines thousands of requests and reads no
 * answer: the server must stop running its requests and hold a bounded number of answer bytes for it, then, once
 * the client reads, answer every request in order.
 */
class ClientThatDoesNotReadTest {

    private static final int REQUESTS = 20_000;

    private final Storage storage = Storage.inMemory();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final AtomicInteger executed = new AtomicInteger();
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final AtomicReference<Channel> accepted = new AtomicReference<>();

    @AfterEach
    void stop() throws Exception {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        pool.shutdownNow();
        storage.close();
    }

    @Test
    void workAndBufferedAnswers_stayBounded_andEveryRequestIsAnsweredInOrderOnceTheClientReads() throws Exception {
        int port = start();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(60_000);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < REQUESTS; i++) {
                all.writeBytes(RawHttp.kmsRequest("GenerateRandom", "{\"NumberOfBytes\":" + length(i) + "}"));
            }
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(all.toByteArray());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();

            int settled = awaitNoProgress();
            long buffered = accepted.get().eventLoop()
                    .submit(() -> accepted.get().unsafe().outboundBuffer().totalPendingWriteBytes()).get();
            // What the kernel's socket buffers hold depends on the machine; everything else waits unread.
            assertTrue(settled < REQUESTS, "the server stopped running requests at " + settled);
            int largestAnswer = 2048;
            assertTrue(buffered <= KmsChannelInitializer.OUTBOUND_HIGH_WATER_BYTES
                            + (long) KmsChannelInitializer.MAX_UNANSWERED_REQUESTS * largestAnswer,
                    "answer bytes held for the client: " + buffered);

            InputStream in = RawHttp.buffered(socket.getInputStream());
            ObjectMapper json = new ObjectMapper();
            for (int i = 0; i < REQUESTS; i++) {
                RawHttp.Response response = RawHttp.read(in);
                assertNotNull(response, "answer " + i);
                assertEquals(200, response.status(), response.body());
                byte[] random = Base64.getDecoder().decode(json.readTree(response.body()).get("Plaintext").asText());
                assertEquals(length(i), random.length, "answer " + i);
            }
            writer.join();
            assertEquals(REQUESTS, executed.get());
        }
    }

    private static int length(int i) {
        return 1 + i % 1024;
    }

    /** Waits until no request has started for a second; returns how many have. */
    private int awaitNoProgress() throws InterruptedException {
        int last = -1;
        while (executed.get() != last) {
            last = executed.get();
            Thread.sleep(1000);
        }
        return last;
    }

    private int start() throws InterruptedException {
        MovableClock clock = new MovableClock(Clock.systemUTC());
        Services services = Services.over(KeyRepository.load(storage.barrier(), clock), clock);
        Dispatcher dispatcher = new Dispatcher(new OperationRegistry(services));
        Executor counting = task -> pool.execute(() -> {
            executed.incrementAndGet();
            task.run();
        });
        TimeTravel time = new TimeTravel(clock, new Housekeeping());
        Channel server = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object child) {
                        accepted.set((Channel) child);
                        ctx.fireChannelRead(child);
                    }
                })
                .childHandler(new KmsChannelInitializer(
                        () -> new KmsHttpHandler(dispatcher, counting, new Accounts("111122223333", Map.of()),
                                "us-east-1"),
                        () -> new AdminHttpHandler(AdminRoutes.create(time, "test", services.lifecycle(),
                                "111122223333", "us-east-1"), counting),
                        new CrossSiteGuard(new CrossSiteRules("127.0.0.1", java.util.List.of(), false)), null,
                        new ConnectionSettings(Duration.ofSeconds(120), Duration.ofSeconds(30))))
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        return ((InetSocketAddress) server.localAddress()).getPort();
    }
}
