package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The runnable jar under a low file descriptor limit, flooded with more connections than it may open: once the
 * flood ends it must answer as before, whether the connection limit turned the flood away or, set above the
 * descriptor limit, let accepting itself fail.
 */
class DescriptorFloodTest {

    private static final int DESCRIPTORS = 256;
    private static final int FLOOD = 400;

    @Test
    void floodBeyondTheDescriptorLimit_leavesTheServerAnsweringOnceItEnds() throws Exception {
        try (TrentProcess trent = TrentJar.serveWithDescriptorLimit(Duration.ofSeconds(60),
                DESCRIPTORS, "--in-memory", "--max-connections", "100000")) {
            List<Socket> flood = open(trent.endpoint(), FLOOD);
            Thread.sleep(2_000);
            closeAll(flood);

            assertServes(trent.endpoint());
            String output = String.join("\n", trent.output());
            assertTrue(output.contains("could not be accepted"), output);
            assertFalse(output.contains("Exception in thread"), output);
            assertEquals(0, trent.stop());
        }
    }

    @Test
    void defaultConnectionLimit_closesTheFloodAtOnce_belowTheDescriptorLimit() throws Exception {
        try (TrentProcess trent = TrentJar.serveWithDescriptorLimit(Duration.ofSeconds(60),
                DESCRIPTORS, "--in-memory")) {
            List<Socket> flood = open(trent.endpoint(), FLOOD);
            try {
                Socket first = flood.get(0);
                first.setSoTimeout(500);
                assertThrows(SocketTimeoutException.class, () -> first.getInputStream().read(), "held open");
                Socket last = flood.get(FLOOD - 1);
                last.setSoTimeout(5_000);
                assertEquals(-1, last.getInputStream().read(), "closed at once, over the limit");
            } finally {
                closeAll(flood);
            }

            assertServes(trent.endpoint());
            String output = String.join("\n", trent.output());
            assertTrue(output.contains("over the limit of"), output);
            assertFalse(output.contains("Too many open files"), output);
            assertEquals(0, trent.stop());
        }
    }

    private static List<Socket> open(URI endpoint, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
            sockets.add(socket);
        }
        return sockets;
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /**
     * The server answers through the SDK within seconds of the flood's end: accepting pauses for a second after a
     * failure, and closed connections are counted out on the server's own threads.
     */
    private static void assertServes(URI endpoint) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (KmsClient kms = KmsClients.create(endpoint, Region.US_EAST_1)) {
                String keyId = kms.createKey(b -> b.description("after the flood")).keyMetadata().keyId();
                SdkBytes blob = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("still here")))
                        .ciphertextBlob();
                assertEquals("still here", kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String());
                return;
            } catch (SdkClientException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(500);
            }
        }
    }
}
