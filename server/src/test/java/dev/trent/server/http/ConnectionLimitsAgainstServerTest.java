package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The connection limit and both timeouts, on a started server, seen from a raw socket. */
class ConnectionLimitsAgainstServerTest {

    @Test
    void connectionOverTheLimit_isClosedAtOnce_andServiceGoesOnForTheOthers() throws Exception {
        try (TrentServer server = TrentServer.start(TrentConfig.builder().port(0).inMemory().maxConnections(2).build());
             Socket first = connect(server);
             Socket second = connect(server)) {
            assertAnswers(first);
            assertAnswers(second);

            try (Socket third = connect(server)) {
                assertEquals(-1, third.getInputStream().read(), "closed without an answer");
            }
            first.close();
            assertAConnectionIsServedWithin(server, Duration.ofSeconds(10));
            assertAnswers(second);
        }
    }

    @Test
    void slowLorisRequest_isClosedAfterTheRequestReadTimeout() throws Exception {
        try (TrentServer server = TrentServer.start(TrentConfig.builder().port(0).inMemory()
                .requestReadTimeout(Duration.ofSeconds(1)).build());
             Socket socket = connect(server)) {
            long start = System.nanoTime();
            socket.getOutputStream().write("POST / HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));

            assertEquals(-1, socket.getInputStream().read());
            long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(waited >= 900 && waited < 10_000, "closed after " + waited + " ms");
        }
    }

    @Test
    void idleKeepAliveConnection_isClosedAfterTheIdleTimeout() throws Exception {
        try (TrentServer server = TrentServer.start(TrentConfig.builder().port(0).inMemory()
                .idleTimeout(Duration.ofSeconds(2)).build());
             Socket socket = connect(server)) {
            assertAnswers(socket);
            long start = System.nanoTime();

            assertEquals(-1, socket.getInputStream().read());
            long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(waited >= 1_900 && waited < 10_000, "closed after " + waited + " ms");
        }
    }

    /** The server notices a closed connection on its own thread; until then a new one may still be refused. */
    private static void assertAConnectionIsServedWithin(TrentServer server, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try (Socket socket = connect(server)) {
                socket.getOutputStream().write(RawHttp.kmsRequest("GenerateRandom", "{\"NumberOfBytes\":8}"));
                RawHttp.Response response = RawHttp.read(socket.getInputStream());
                if (response != null) {
                    assertEquals(200, response.status(), response.body());
                    return;
                }
            } catch (java.io.IOException refused) {
                // closed on accept while the server still counted the old connection; try again
            }
            assertTrue(System.nanoTime() < deadline, "no connection served within " + patience);
            Thread.sleep(100);
        }
    }

    private static Socket connect(TrentServer server) throws Exception {
        Socket socket = new Socket(server.endpoint().getHost(), server.port());
        socket.setSoTimeout(15_000);
        return socket;
    }

    private static void assertAnswers(Socket socket) throws Exception {
        socket.getOutputStream().write(RawHttp.kmsRequest("GenerateRandom", "{\"NumberOfBytes\":8}"));
        InputStream in = socket.getInputStream();
        RawHttp.Response response = RawHttp.read(in);
        assertNotNull(response);
        assertEquals(200, response.status(), response.body());
    }
}
