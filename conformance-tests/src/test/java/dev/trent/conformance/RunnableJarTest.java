package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        try (TrentProcess trent = TrentProcess.start(TrentProcess.builtJar(), Duration.ofSeconds(60), "--in-memory");
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
        Process process = TrentProcess.command(TrentProcess.builtJar(), "--version").redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes()).strip();
        assertEquals(0, process.waitFor());
        assertTrue(printed.startsWith("trent "), printed);
    }
}
