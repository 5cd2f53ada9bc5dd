package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The self-contained jar that {@code mvn package} builds, started from a JVM test as a separate process
 * ({@link TrentProcess}), then used through the real AWS SDK and stopped cleanly.
 */
class RunnableJarTest {

    @Test
    void javaDashJar_serves_andStopsCleanlyOnSigterm() throws Exception {
        try (TrentProcess trent = TrentJar.serve(Duration.ofSeconds(60), "--in-memory");
             KmsClient kms = KmsClients.create(trent.endpoint(), Region.US_EAST_1)) {
            String keyId = kms.createKey(b -> b.description("from a jar")).keyMetadata().keyId();
            SdkBytes blob = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("jar"))).ciphertextBlob();
            assertEquals("jar", kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String());

            assertEquals(0, trent.stop());
            assertTrue(trent.output().contains("Stopped."), trent.output().toString());
        }
    }

    @Test
    void version_isPrinted() throws Exception {
        Process process = TrentJar.command("--version").redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes()).strip();
        assertEquals(0, process.waitFor());
        assertTrue(printed.startsWith("trent "), printed);
    }

    @Test
    void trentProcess_takesThePortAsAnArgument_andRefusesASecondPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (TrentProcess trent = TrentProcess.start(TrentJar.built(), port, Duration.ofSeconds(60), "--in-memory")) {
            assertEquals(URI.create("http://127.0.0.1:" + port), trent.endpoint());
        }
        assertThrows(IllegalArgumentException.class,
                () -> TrentProcess.start(TrentJar.built(), 0, Duration.ofSeconds(60), "--port", "4566"));
        assertThrows(IllegalArgumentException.class,
                () -> TrentProcess.start(TrentJar.built(), 0, Duration.ofSeconds(60), "--port=4566"));
    }

    @Test
    void trentProcess_readsAnHttpsEndpoint() throws Exception {
        try (TrentProcess trent = TrentJar.serve(Duration.ofSeconds(60), "--in-memory", "--tls-self-signed")) {
            assertEquals("https", trent.endpoint().getScheme(), trent.output().toString());
            assertEquals("127.0.0.1", trent.endpoint().getHost());
        }
    }
}
