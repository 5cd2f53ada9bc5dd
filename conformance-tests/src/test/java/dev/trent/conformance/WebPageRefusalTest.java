package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * What the AWS SDK makes of a refusal of a request that carries a web page's Origin: the client's usual
 * {@code KmsException}, with AWS's error code and status for a denied request; the same client without the
 * browser's header is served.
 */
class WebPageRefusalTest {

    private final TrentServer server = TrentServer.start(TrentConfig.builder().port(0).inMemory().build());

    WebPageRefusalTest() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void foreignOrigin_isAccessDeniedException_withStatus400() {
        try (KmsClient fromAPage = client("http://attacker.example")) {
            KmsException e = assertThrows(KmsException.class, fromAPage::listKeys);

            assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
            assertEquals(400, e.statusCode());
            assertEquals("Cross-origin request from 'http://attacker.example' refused: Trent's API is not open to web"
                    + " pages.", e.awsErrorDetails().errorMessage());
        }
        try (KmsClient tool = client(null)) {
            assertEquals(0, tool.listKeys().keys().size());
        }
    }

    /** Through the SDK's Apache client: the JDK's HttpURLConnection drops Origin and Sec-* headers. */
    private KmsClient client(String origin) {
        return KmsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(KmsClients.ACCESS_KEY, KmsClients.SECRET_KEY)))
                .httpClient(Apache5HttpClient.create())
                .overrideConfiguration(c -> {
                    c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(60));
                    if (origin != null) {
                        c.putHeader("Origin", origin);
                    }
                })
                .build();
    }
}
