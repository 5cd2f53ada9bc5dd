package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The jar the server module's package phase made; the reactor builds it before these tests run. */
    static Path jar() throws IOException {
        Path jar = Path.of("..", "server", "target", "trent.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no " + jar + "; run mvn package first");
        }
        return jar;
    }

    @Test
    void javaDashJar_serves_andStopsCleanlyOnSigterm() throws Exception {
        try (TrentProcess trent = TrentProcess.start(jar(), Duration.ofSeconds(60), "--in-memory");
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
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString(), "--version").redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes()).strip();
        assertEquals(0, process.waitFor());
        assertTrue(printed.startsWith("trent "), printed);
    }
}
