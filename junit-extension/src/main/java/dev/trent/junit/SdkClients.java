package dev.trent.junit;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * KmsClients for tests. The only class of the extension that names SDK types, and it is loaded only when a test
 * asks for a KmsClient, so the extension works without the SDK on the classpath.
 */
final class SdkClients {

    private static final String KMS_CLIENT = "software.amazon.awssdk.services.kms.KmsClient";

    private SdkClients() {
    }

    /** Compares names so that asking does not load the SDK. */
    static boolean isKmsClient(Class<?> type) {
        return type.getName().equals(KMS_CLIENT);
    }

    /** A client of {@code trent} in its default Region, signing with dummy credentials. */
    static KmsClient kmsClient(RunningTrent trent) {
        URI endpoint = trent.endpoint();
        return KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(trent.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
