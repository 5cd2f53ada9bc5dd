package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * What the migration guide promises: the SDK for Java 2.x this project tests with finds Trent through
 * {@code AWS_ENDPOINT_URL} or {@code AWS_ENDPOINT_URL_KMS} alone, with no endpoint in code. Environment
 * variables are fixed for a JVM's life, so a child JVM makes the client.
 */
class ConfiguredEndpointTest extends TrentTestBase {

    @Test
    void awsEndpointUrl_pointsAnUnconfiguredClientAtTrent() throws Exception {
        String keyId = createKeyInChildJvm(Map.of("AWS_ENDPOINT_URL", server.endpoint().toString()));

        assertEquals(keyId, kms.describeKey(b -> b.keyId(keyId)).keyMetadata().keyId());
    }

    @Test
    void awsEndpointUrlKms_winsOverAwsEndpointUrl() throws Exception {
        String keyId = createKeyInChildJvm(Map.of("AWS_ENDPOINT_URL_KMS", server.endpoint().toString(),
                "AWS_ENDPOINT_URL", "http://127.0.0.1:1"));

        assertEquals(keyId, kms.describeKey(b -> b.keyId(keyId)).keyMetadata().keyId());
    }

    private static String createKeyInChildJvm(Map<String, String> endpointVariables) throws Exception {
        ProcessBuilder child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UnconfiguredClient.class.getName());
        Map<String, String> environment = child.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.putAll(endpointVariables);
        environment.put("AWS_REGION", REGION);
        environment.put("AWS_ACCESS_KEY_ID", KmsClients.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", KmsClients.SECRET_KEY);
        Process process = child.redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), printed);
        return printed;
    }

    /** A client built the way application code builds one, with nothing pointing it anywhere. */
    static final class UnconfiguredClient {
        public static void main(String[] args) {
            try (KmsClient kms = KmsClient.create()) {
                System.out.println(kms.createKey(b -> b.description("configured endpoint")).keyMetadata().keyId());
            }
        }
    }
}
