package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.auth.AuthMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * {@code --auth verify} through the real AWS SDK for Java 2.x, which signs every request with SigV4: good
 * credentials work, and every way to get around the signature gets AWS's error code and message.
 */
class SignatureVerificationTest extends TrentTestBase {

    private static final String TEAM_ACCOUNT = "222233334444";
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the"
            + " signature you provided. Check your AWS Secret Access Key and signing method. Consult the service"
            + " documentation for details.";

    private final List<KmsClient> clients = new ArrayList<>();

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.authMode(AuthMode.VERIFY)
                .rootCredentials(TEAM_ACCOUNT, KmsClients.ACCESS_KEY, KmsClients.SECRET_KEY.toCharArray());
    }

    @AfterEach
    void closeClients() {
        clients.forEach(KmsClient::close);
        clients.clear();
        // The SDK keeps the clock correction it learns from a refusal's Date for the whole JVM; each test starts
        // from this machine's time again, as the server's clock does after its reset.
        SdkGlobalTime.setGlobalTimeOffset(0);
    }

    @Test
    void defaultTestCredentials_actAsTheDefaultAccountsRoot() {
        KmsClient client = client(AwsBasicCredentials.create("test", "test"));

        assertEquals(ACCOUNT, client.createKey(b -> { }).keyMetadata().awsAccountId());
    }

    @Test
    void configuredRootCredentials_actInTheirAccount() {
        assertEquals(TEAM_ACCOUNT, kms.createKey(b -> { }).keyMetadata().awsAccountId());
        assertTrue(kms.listKeys().keys().size() >= 1);
    }

    @Test
    void unknownAccessKey_isUnrecognizedClientException() {
        KmsClient client = client(AwsBasicCredentials.create("AKIAUNKNOWNEXAMPLE", "test"));

        assertUnmodeledError("UnrecognizedClientException", "The security token included in the request is invalid.",
                client::listKeys);
    }

    @Test
    void wrongSecret_isInvalidSignatureException() {
        KmsClient client = client(AwsBasicCredentials.create("test", "not-the-secret"));

        assertUnmodeledError("InvalidSignatureException", SIGNATURE_MISMATCH, client::listKeys);
    }

    @Test
    void forgedSessionToken_isUnrecognizedClientException() {
        KmsClient client = client(AwsSessionCredentials.create("test", "test", "IQoJb3JpZ2luX2VjEforgedToken"));

        assertUnmodeledError("UnrecognizedClientException", "The security token included in the request is invalid.",
                client::listKeys);
    }

    @Test
    void unsignedRequest_isMissingAuthenticationTokenException() {
        KmsClient client = client(AnonymousCredentialsProvider.create());

        assertUnmodeledError("MissingAuthenticationTokenException", "Request is missing Authentication Token",
                client::listKeys);
    }

    @Test
    void signatureOverADifferentBody_isInvalidSignatureException() {
        SignedRequests.Recorder recorder = new SignedRequests.Recorder();
        KmsClient client = client(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                recorder);
        client.createKey(b -> b.description("aaaa"));
        SignedRequests.Captured signed = recorder.last();
        String body = new String(signed.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"aaaa\""), body);

        SignedRequests.Answer answer = SignedRequests.replay(server.endpoint(), signed,
                body.replace("\"aaaa\"", "\"bbbb\"").getBytes(StandardCharsets.UTF_8));

        assertEquals(400, answer.status());
        assertEquals("InvalidSignatureException", answer.body().get("__type").asText());
        assertEquals(SIGNATURE_MISMATCH, answer.body().get("message").asText());
    }

    @Test
    void signatureReplayedAfterTheClockMovesSixMinutes_isSignatureExpired() {
        SignedRequests.Recorder recorder = new SignedRequests.Recorder();
        KmsClient client = client(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                recorder);
        client.listKeys();
        SignedRequests.Captured signed = recorder.last();
        assertEquals(200, SignedRequests.replay(server.endpoint(), signed, signed.body()).status(),
                "a replay within five minutes is still accepted, as by AWS");
        try {
            SignedRequests.Answer moved = admin("POST", "/_trent/clock", "{\"advanceSeconds\": 360}");
            assertEquals(200, moved.status(), moved.body()::toString);

            SignedRequests.Answer answer = SignedRequests.replay(server.endpoint(), signed, signed.body());

            assertEquals(400, answer.status());
            assertEquals("InvalidSignatureException", answer.body().get("__type").asText());
            String message = answer.body().get("message").asText();
            assertTrue(message.matches("Signature expired: " + signed.header("X-Amz-Date")
                    + " is now earlier than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 5 min\\.\\)"), message);
            String fresh = KmsErrors.assertUnmodeledErrorCode("InvalidSignatureException", client::listKeys)
                    .awsErrorDetails().errorMessage();
            assertTrue(fresh.startsWith("Signature expired: "),
                    "a client whose clock is behind the server's: " + fresh);
        } finally {
            assertEquals(200, admin("DELETE", "/_trent/clock", null).status());
        }
    }

    @Test
    void sdkWithItsDefaultRetries_correctsItsClockByTheRefusalsDate_afterTheServersClockMoved() {
        KmsClient client = KmsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        clients.add(client);
        try {
            assertEquals(200, admin("POST", "/_trent/clock", "{\"advanceSeconds\": 3600}").status());

            assertEquals(ACCOUNT, client.createKey(b -> { }).keyMetadata().awsAccountId());
        } finally {
            assertEquals(200, admin("DELETE", "/_trent/clock", null).status());
        }
    }

    @Test
    void adminApi_refusesUnsignedRequests_andTakesRootSignedOnes() {
        SignedRequests.Answer unsigned = SignedRequests.admin(server.endpoint(), "GET", "/_trent/clock", null, null,
                null, null);
        assertEquals(403, unsigned.status());
        assertEquals("MissingAuthenticationTokenException", unsigned.body().get("error").asText());

        assertEquals(200, SignedRequests.admin(server.endpoint(), "GET", "/_trent/health", null, null, null, null)
                .status());
        assertEquals(200, admin("GET", "/_trent/clock", null).status());
    }

    /** An admin call signed with the default account's root credentials, at the server's time. */
    private SignedRequests.Answer admin(String method, String path, String body) {
        Instant serverNow = Instant.parse(SignedRequests.admin(server.endpoint(), "GET", "/_trent/health", null, null,
                null, null).body().get("now").asText());
        return SignedRequests.admin(server.endpoint(), method, path, body, "test", "test", serverNow);
    }

    private KmsClient client(AwsCredentials credentials) {
        return client(StaticCredentialsProvider.create(credentials));
    }

    private KmsClient client(AwsCredentialsProvider credentials, SignedRequests.Recorder... interceptors) {
        URI endpoint = server.endpoint();
        KmsClient client = KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> {
                    c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(60));
                    for (SignedRequests.Recorder interceptor : interceptors) {
                        c.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
        clients.add(client);
        return client;
    }
}
