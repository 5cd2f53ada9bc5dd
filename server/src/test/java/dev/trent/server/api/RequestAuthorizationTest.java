package dev.trent.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.auth.Principal;
import dev.trent.server.key.Scope;
import dev.trent.server.keystore.KeyStoreService;
import dev.trent.server.policy.DecisionCache;
import dev.trent.server.policy.KmsAuthorizer;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.service.IdentityPolicies;
import dev.trent.server.service.KeyAuthorization;
import dev.trent.storage.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Authorization of operations as {@code --auth enforce} wires it, without HTTP: the connection's address and
 * transport and the server's clock reach the policy conditions, both keys of ReEncrypt are judged, and a
 * dispatcher without authorization (off, verify) runs the same requests unjudged.
 */
class RequestAuthorizationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "111122223333";
    private static final Scope SCOPE = new Scope(ACCOUNT, "us-east-1");
    private static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    private final Storage storage = Storage.inMemory();
    private final KeyRepository repository = KeyRepository.load(storage.barrier(), CLOCK);
    private final KeyAuthorization authorization = new KeyAuthorization(repository,
            new DecisionCache(new KmsAuthorizer(), 1000), IdentityPolicies.NONE);
    private final Dispatcher enforcing = new Dispatcher(new OperationRegistry(Services.over(repository, CLOCK,
            KeyStoreService.withoutClusters(repository, CLOCK), authorization)), new RequestGate(), CLOCK,
            new RequestAuthorization(authorization, CLOCK));
    private final Dispatcher unjudged = new Dispatcher(new OperationRegistry(Services.over(repository, CLOCK)),
            new RequestGate(), CLOCK);

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void sourceAddress_isTheConnectionsAddress() throws IOException {
        String arn = keyWithDeny("kms:Encrypt", "{\"NotIpAddress\": {\"aws:SourceIp\": \"10.1.0.0/16\"}}");

        assertEquals(200, encrypt(arn, from("10.1.2.3", false)).status());
        assertRefused(encrypt(arn, from("192.0.2.7", false)), explicitDeny("kms:Encrypt", arn));
    }

    @Test
    void secureTransport_isWhetherTheConnectionUsesTls() throws IOException {
        String arn = keyWithDeny("kms:Encrypt", "{\"Bool\": {\"aws:SecureTransport\": \"false\"}}");

        assertEquals(200, encrypt(arn, from("127.0.0.1", true)).status());
        assertRefused(encrypt(arn, from("127.0.0.1", false)), explicitDeny("kms:Encrypt", arn));
    }

    @Test
    void currentTime_isTheServersClock() throws IOException {
        String before = keyWithDeny("kms:Encrypt", "{\"DateLessThan\": {\"aws:CurrentTime\": \"2026-06-01T11:59:59Z\"}}");
        String after = keyWithDeny("kms:Encrypt", "{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2026-06-01T11:59:59Z\"}}");

        assertEquals(200, encrypt(before, from("127.0.0.1", false)).status());
        assertRefused(encrypt(after, from("127.0.0.1", false)), explicitDeny("kms:Encrypt", after));
    }

    @Test
    void reEncrypt_judgesTheDestinationKeyAsReEncryptTo() throws IOException {
        String source = keyWithDeny("kms:Sign", null);
        String destination = keyWithDeny("kms:ReEncryptTo", null);
        String blob = field(dispatch(enforcing, "Encrypt", "{\"KeyId\": \"" + source + "\", \"Plaintext\": \"AQID\"}",
                from("127.0.0.1", false)), "CiphertextBlob");

        Dispatcher.Result refused = dispatch(enforcing, "ReEncrypt", "{\"CiphertextBlob\": \"" + blob
                + "\", \"DestinationKeyId\": \"" + destination + "\"}", from("127.0.0.1", false));

        assertRefused(refused, explicitDeny("kms:ReEncryptTo", destination));
        assertEquals(200, dispatch(enforcing, "ReEncrypt", "{\"CiphertextBlob\": \"" + blob
                + "\", \"DestinationKeyId\": \"" + source + "\"}", from("127.0.0.1", false)).status());
    }

    /** The destination is resolved before the ciphertext names the source; its policy still sees both keys. */
    @Test
    void reEncrypt_judgesReEncryptToWithKnowledgeOfTheSourceKey() throws IOException {
        String onlyToItself = keyWithDeny("kms:ReEncryptTo", "{\"Bool\": {\"kms:ReEncryptOnSameKey\": false}}");
        String other = keyWithDeny("kms:Sign", null);
        String own = field(dispatch(enforcing, "Encrypt", "{\"KeyId\": \"" + onlyToItself
                + "\", \"Plaintext\": \"AQID\"}", from("127.0.0.1", false)), "CiphertextBlob");
        String foreign = field(dispatch(enforcing, "Encrypt", "{\"KeyId\": \"" + other
                + "\", \"Plaintext\": \"AQID\"}", from("127.0.0.1", false)), "CiphertextBlob");

        assertEquals(200, dispatch(enforcing, "ReEncrypt", "{\"CiphertextBlob\": \"" + own
                + "\", \"DestinationKeyId\": \"" + onlyToItself + "\"}", from("127.0.0.1", false)).status());
        assertRefused(dispatch(enforcing, "ReEncrypt", "{\"CiphertextBlob\": \"" + foreign
                + "\", \"DestinationKeyId\": \"" + onlyToItself + "\"}", from("127.0.0.1", false)),
                explicitDeny("kms:ReEncryptTo", onlyToItself));
    }

    @Test
    void withoutAuthorization_theSameRequestsRunUnjudged() throws IOException {
        String arn = keyWithDeny("kms:Encrypt", null);

        assertRefused(encrypt(arn, from("127.0.0.1", false)), explicitDeny("kms:Encrypt", arn));
        assertEquals(200, dispatch(unjudged, "Encrypt", "{\"KeyId\": \"" + arn + "\", \"Plaintext\": \"AQID\"}",
                from("127.0.0.1", false)).status());
    }

    @Test
    void aRequestWithoutAVerifiedPrincipal_isNotJudged() throws IOException {
        String arn = keyWithDeny("kms:Encrypt", null);

        assertEquals(200, dispatch(enforcing, "Encrypt", "{\"KeyId\": \"" + arn + "\", \"Plaintext\": \"AQID\"}",
                new RequestContext(SCOPE, "request")).status());
    }

    /** A key whose policy lets the account root do everything except {@code action} under {@code condition}. */
    private String keyWithDeny(String action, String condition) throws IOException {
        String policy = "{\"Version\": \"2012-10-17\", \"Statement\": ["
                + "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"" + ROOT + "\"}, \"Action\": \"kms:*\", "
                + "\"Resource\": \"*\"}, {\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"" + action
                + "\", \"Resource\": \"*\"" + (condition == null ? "" : ", \"Condition\": " + condition) + "}]}";
        Dispatcher.Result created = dispatch(enforcing, "CreateKey", JSON.writeValueAsString(JSON.createObjectNode()
                .put("Policy", policy).put("BypassPolicyLockoutSafetyCheck", true)), from("127.0.0.1", false));
        return JSON.readTree(created.body()).get("KeyMetadata").get("Arn").asText();
    }

    private Dispatcher.Result encrypt(String keyId, RequestContext context) {
        return dispatch(enforcing, "Encrypt", "{\"KeyId\": \"" + keyId + "\", \"Plaintext\": \"AQID\"}", context);
    }

    private static RequestContext from(String address, boolean tls) {
        return new RequestContext(SCOPE, "request", ROOT, Optional.of(Principal.root(ACCOUNT))).from(address, tls);
    }

    private static Dispatcher.Result dispatch(Dispatcher dispatcher, String operation, String body,
            RequestContext context) {
        return dispatcher.dispatch("TrentService." + operation, body.getBytes(StandardCharsets.UTF_8), context);
    }

    private static String field(Dispatcher.Result result, String name) throws IOException {
        assertEquals(200, result.status(), () -> new String(result.body(), StandardCharsets.UTF_8));
        return JSON.readTree(result.body()).get(name).asText();
    }

    private static String explicitDeny(String action, String arn) {
        return "User: " + ROOT + " is not authorized to perform: " + action + " on resource: " + arn
                + " with an explicit deny in a resource-based policy";
    }

    private static void assertRefused(Dispatcher.Result result, String message) throws IOException {
        JsonNode body = JSON.readTree(result.body());
        assertEquals(400, result.status());
        assertEquals("AccessDeniedException", body.get("__type").asText());
        assertEquals(message, body.get("message").asText());
    }
}
