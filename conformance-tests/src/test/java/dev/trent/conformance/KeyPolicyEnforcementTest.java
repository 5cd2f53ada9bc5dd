package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.auth.AuthMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * {@code --auth enforce} through the real AWS SDK for Java 2.x, signing as the root users of three accounts: key
 * policies, their conditions, grants and grant tokens decide, with AWS's AccessDeniedException messages.
 */
class KeyPolicyEnforcementTest extends TrentTestBase {

    private static final String OWNER = "111122223333";
    private static final String PARTNER = "444455556666";
    private static final String PARTNER_KEY = "AKIAPARTNEREXAMPLE01";
    private static final String OUTSIDER = "777788889999";
    private static final String OUTSIDER_KEY = "AKIAOUTSIDEREXAMPLE1";
    private static final String SECRET = "partnerSecretKeyForConformanceTests0001";
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("least privilege");

    private final List<KmsClient> clients = new ArrayList<>();

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.authMode(AuthMode.ENFORCE)
                .rootCredentials(OWNER, KmsClients.ACCESS_KEY, KmsClients.SECRET_KEY.toCharArray())
                .rootCredentials(PARTNER, PARTNER_KEY, SECRET.toCharArray())
                .rootCredentials(OUTSIDER, OUTSIDER_KEY, SECRET.toCharArray());
    }

    @AfterEach
    void closeClients() {
        clients.forEach(KmsClient::close);
        clients.clear();
    }

    @Test
    void defaultKeyPolicy_letsTheAccountRootIn() {
        String keyId = newSymmetricKey().keyId();

        SdkBytes blob = kms.encrypt(b -> b.keyId(keyId).plaintext(PLAINTEXT)).ciphertextBlob();

        assertEquals(PLAINTEXT, kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext());
        assertEquals(KeyState.ENABLED, kms.describeKey(b -> b.keyId(keyId)).keyMetadata().keyState());
    }

    @Test
    void accountLevelActions_areOpenToTheRoot() {
        String keyId = newSymmetricKey().keyId();
        kms.createAlias(b -> b.aliasName("alias/root-may").targetKeyId(keyId));

        assertEquals(32, kms.generateRandom(b -> b.numberOfBytes(32)).plaintext().asByteArray().length);
        assertEquals(true, kms.listKeys().keys().stream().anyMatch(k -> k.keyId().equals(keyId)));
        assertEquals(true, kms.listAliases().aliases().stream().anyMatch(a -> a.aliasName().equals("alias/root-may")));
    }

    @Test
    void keyPolicyWithoutTheAccountRoot_refusesTheRoot() {
        String arn = keyWithPolicy(policy(allow("arn:aws:iam::" + PARTNER + ":root", "kms:*")));

        assertUnmodeledError("AccessDeniedException", notAllowed(OWNER, "kms:Encrypt", arn, "resource-based"),
                () -> kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT)));
        assertUnmodeledError("AccessDeniedException", notAllowed(OWNER, "kms:DescribeKey", arn, "resource-based"),
                () -> kms.describeKey(b -> b.keyId(arn)));
    }

    @Test
    void keyPolicyNamingAnotherAccount_letsItsRootUseTheKeyByArn_andNoOneElse() {
        String arn = keyWithPolicy(policy(allow("arn:aws:iam::" + OWNER + ":root", "kms:*"),
                allow(PARTNER, "kms:Encrypt", "kms:Decrypt")));
        KmsClient partner = client(PARTNER_KEY);
        KmsClient outsider = client(OUTSIDER_KEY);

        SdkBytes blob = partner.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT)).ciphertextBlob();

        assertEquals(PLAINTEXT, partner.decrypt(b -> b.ciphertextBlob(blob)).plaintext());
        assertEquals(PLAINTEXT, kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext());
        assertUnmodeledError("AccessDeniedException", notAllowed(OUTSIDER, "kms:Encrypt", arn, "resource-based"),
                () -> outsider.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT)));
        assertUnmodeledError("AccessDeniedException", notAllowed(OUTSIDER, "kms:Decrypt", arn, "resource-based"),
                () -> outsider.decrypt(b -> b.ciphertextBlob(blob)));
        assertUnmodeledError("AccessDeniedException", notAllowed(PARTNER, "kms:DisableKey", arn, "resource-based"),
                () -> partner.disableKey(b -> b.keyId(arn)));
    }

    @Test
    void anotherAccountsKey_thatDoesNotExist_isRefusedLikeOneTheCallerMayNotUse() {
        String existing = newSymmetricKey().arn();
        String missing = "arn:aws:kms:" + REGION + ":" + OWNER + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
        KmsClient outsider = client(OUTSIDER_KEY);

        assertUnmodeledError("AccessDeniedException", notAllowed(OUTSIDER, "kms:Encrypt", existing, "resource-based"),
                () -> outsider.encrypt(b -> b.keyId(existing).plaintext(PLAINTEXT)));
        assertUnmodeledError("AccessDeniedException", notAllowed(OUTSIDER, "kms:Encrypt", missing, "resource-based"),
                () -> outsider.encrypt(b -> b.keyId(missing).plaintext(PLAINTEXT)));
        String own = outsider.createKey(b -> { }).keyMetadata().keyId();
        SdkBytes blob = outsider.encrypt(b -> b.keyId(own).plaintext(PLAINTEXT)).ciphertextBlob();
        assertUnmodeledError("AccessDeniedException", notAllowed(OUTSIDER, "kms:ReEncryptTo", missing,
                "resource-based"), () -> outsider.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(missing)));
        assertUnmodeledError("AccessDeniedException", notAllowed(OUTSIDER, "kms:ReEncryptTo", existing,
                "resource-based"), () -> outsider.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(existing)));
    }

    @Test
    void denyOnAnEncryptionContextValue_refusesThatValueOnly() {
        String arn = keyWithPolicy(policy(allow("arn:aws:iam::" + OWNER + ":root", "kms:*"),
                deny("kms:Encrypt", "{\"StringEquals\": {\"kms:EncryptionContext:stage\": \"prod\"}}")));

        kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT).encryptionContext(Map.of("stage", "test")));
        assertUnmodeledError("AccessDeniedException", explicitlyDenied(OWNER, "kms:Encrypt", arn),
                () -> kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT).encryptionContext(Map.of("stage", "prod"))));
    }

    @Test
    void denyOnAnEncryptionAlgorithm_refusesThatAlgorithmOnly() {
        String keyId = newKey(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT).keyId();
        String arn = keyArn(keyId);
        kms.putKeyPolicy(b -> b.keyId(keyId).policyName("default").bypassPolicyLockoutSafetyCheck(true)
                .policy(policy(allow("arn:aws:iam::" + OWNER + ":root", "kms:*"), deny("kms:Encrypt",
                        "{\"StringEquals\": {\"kms:EncryptionAlgorithm\": \"RSAES_OAEP_SHA_1\"}}"))));

        kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT).encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256));
        assertUnmodeledError("AccessDeniedException", explicitlyDenied(OWNER, "kms:Encrypt", arn),
                () -> kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT)
                        .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1)));
    }

    @Test
    void denyOnASigningAlgorithm_refusesThatAlgorithmOnly() {
        String keyId = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY).keyId();
        String arn = keyArn(keyId);
        kms.putKeyPolicy(b -> b.keyId(keyId).policyName("default").bypassPolicyLockoutSafetyCheck(true)
                .policy(policy(allow("arn:aws:iam::" + OWNER + ":root", "kms:*"), deny("kms:Sign",
                        "{\"StringNotEquals\": {\"kms:SigningAlgorithm\": \"ECDSA_SHA_256\"}}"))));
        SdkBytes digest = SdkBytes.fromByteArray(new byte[48]);

        kms.sign(b -> b.keyId(arn).message(PLAINTEXT).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));
        assertUnmodeledError("AccessDeniedException", explicitlyDenied(OWNER, "kms:Sign", arn),
                () -> kms.sign(b -> b.keyId(arn).message(digest).messageType(MessageType.DIGEST)
                        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_384)));
    }

    @Test
    void denyOnTheSourceAddress_followsTheCallersAddress() {
        String open = keyWithPolicy(policy(allow("arn:aws:iam::" + OWNER + ":root", "kms:*"),
                deny("kms:Encrypt", "{\"NotIpAddress\": {\"aws:SourceIp\": \"127.0.0.0/8\"}}")));
        String closed = keyWithPolicy(policy(allow("arn:aws:iam::" + OWNER + ":root", "kms:*"),
                deny("kms:Encrypt", "{\"IpAddress\": {\"aws:SourceIp\": \"127.0.0.0/8\"}}")));

        kms.encrypt(b -> b.keyId(open).plaintext(PLAINTEXT));
        assertUnmodeledError("AccessDeniedException", explicitlyDenied(OWNER, "kms:Encrypt", closed),
                () -> kms.encrypt(b -> b.keyId(closed).plaintext(PLAINTEXT)));
    }

    @Test
    void denyAfterADate_startsWhenTheServersClockPassesIt() {
        Instant serverNow = serverNow();
        String arn = keyWithPolicy(policy(allow("arn:aws:iam::" + OWNER + ":root", "kms:*"),
                deny("kms:Encrypt", "{\"DateGreaterThan\": {\"aws:CurrentTime\": \""
                        + serverNow.plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS) + "\"}}")));
        kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT));
        try {
            // Four minutes: past the date, and still within the five minutes a signature's date may be off.
            assertEquals(200, admin("POST", "/_trent/clock", "{\"advanceSeconds\": 240}").status());

            assertUnmodeledError("AccessDeniedException", explicitlyDenied(OWNER, "kms:Encrypt", arn),
                    () -> kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT)));
        } finally {
            assertEquals(200, admin("DELETE", "/_trent/clock", null).status());
        }
        kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT));
    }

    @Test
    void decrypt_isJudgedOnTheCiphertextsKey_notOnTheKeyIdMember() {
        String guarded = keyWithPolicy(policy(allow("arn:aws:iam::" + OWNER + ":root", "kms:*"),
                deny("kms:Decrypt", null)));
        String other = newSymmetricKey().arn();
        SdkBytes blob = kms.encrypt(b -> b.keyId(guarded).plaintext(PLAINTEXT)).ciphertextBlob();

        assertUnmodeledError("AccessDeniedException", explicitlyDenied(OWNER, "kms:Decrypt", guarded),
                () -> kms.decrypt(b -> b.ciphertextBlob(blob)));
        assertUnmodeledError("AccessDeniedException", explicitlyDenied(OWNER, "kms:Decrypt", guarded),
                () -> kms.decrypt(b -> b.ciphertextBlob(blob).keyId(other)));
    }

    @Test
    void anAlias_doesNotOpenTheKeyItPointsAt() {
        String guarded = keyWithPolicy(policy(allow("arn:aws:iam::" + OWNER + ":root", "kms:*"),
                deny("kms:Encrypt", null)));
        kms.createAlias(b -> b.aliasName("alias/side-door").targetKeyId(guarded));

        assertUnmodeledError("AccessDeniedException", explicitlyDenied(OWNER, "kms:Encrypt", guarded),
                () -> kms.encrypt(b -> b.keyId("alias/side-door").plaintext(PLAINTEXT)));
        String aliasArn = "arn:aws:kms:" + REGION + ":" + OWNER + ":alias/side-door";
        assertUnmodeledError("AccessDeniedException", explicitlyDenied(OUTSIDER, "kms:Encrypt", guarded),
                () -> client(OUTSIDER_KEY).encrypt(b -> b.keyId(aliasArn).plaintext(PLAINTEXT)));
    }

    @Test
    void anAwsManagedKey_canBeRead_butUsedOnlyThroughItsService() {
        String arn = kms.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata().arn();

        assertUnmodeledError("AccessDeniedException", notAllowed(OWNER, "kms:Encrypt", arn, "resource-based"),
                () -> kms.encrypt(b -> b.keyId("alias/aws/s3").plaintext(PLAINTEXT)));
    }

    @Test
    void aRefusedOperation_changesNothing() {
        String arn = keyWithPolicy(policy(allow("arn:aws:iam::" + OWNER + ":root", "kms:*"),
                deny("kms:ScheduleKeyDeletion", null), deny("kms:UpdateAlias", null)));
        String other = newSymmetricKey().keyId();
        kms.createAlias(b -> b.aliasName("alias/stays").targetKeyId(other));

        assertUnmodeledError("AccessDeniedException", explicitlyDenied(OWNER, "kms:ScheduleKeyDeletion", arn),
                () -> kms.scheduleKeyDeletion(b -> b.keyId(arn).pendingWindowInDays(7)));
        assertUnmodeledError("AccessDeniedException", explicitlyDenied(OWNER, "kms:UpdateAlias", arn),
                () -> kms.updateAlias(b -> b.aliasName("alias/stays").targetKeyId(arn)));

        assertEquals(KeyState.ENABLED, kms.describeKey(b -> b.keyId(arn)).keyMetadata().keyState());
        assertEquals(other, kms.describeKey(b -> b.keyId("alias/stays")).keyMetadata().keyId());
    }

    @Test
    void aGrant_letsAnotherAccountUseTheKey_withinItsConstraint() {
        String keyId = newSymmetricKey().keyId();
        String arn = keyArn(keyId);
        KmsClient partner = client(PARTNER_KEY);
        SdkBytes before = partner.generateRandom(b -> b.numberOfBytes(8)).plaintext();
        assertEquals(8, before.asByteArray().length);
        assertUnmodeledError("AccessDeniedException", notAllowed(PARTNER, "kms:Encrypt", arn, "resource-based"),
                () -> partner.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT)));

        CreateGrantResponse grant = kms.createGrant(b -> b.keyId(keyId)
                .granteePrincipal("arn:aws:iam::" + PARTNER + ":root")
                .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of("project", "apollo"))));

        SdkBytes blob = partner.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT).grantTokens(grant.grantToken())
                .encryptionContext(Map.of("project", "apollo", "file", "a.txt"))).ciphertextBlob();
        assertArrayEquals(PLAINTEXT.asByteArray(), partner.decrypt(b -> b.ciphertextBlob(blob)
                .encryptionContext(Map.of("project", "apollo", "file", "a.txt"))).plaintext().asByteArray());
        assertUnmodeledError("AccessDeniedException", notAllowed(PARTNER, "kms:Encrypt", arn, "resource-based"),
                () -> partner.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT)
                        .encryptionContext(Map.of("project", "gemini"))));
        assertUnmodeledError("AccessDeniedException", notAllowed(PARTNER, "kms:GenerateDataKey", arn,
                "resource-based"), () -> partner.generateDataKey(b -> b.keyId(arn).numberOfBytes(32)
                        .encryptionContext(Map.of("project", "apollo"))));
        assertUnmodeledError("AccessDeniedException", notAllowed(OUTSIDER, "kms:Encrypt", arn, "resource-based"),
                () -> client(OUTSIDER_KEY).encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT)
                        .encryptionContext(Map.of("project", "apollo"))));
    }

    @Test
    void aChangedKeyPolicy_decidesTheVeryNextRequest() {
        String arn = newSymmetricKey().arn();
        kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT));

        kms.putKeyPolicy(b -> b.keyId(arn).policyName("default").bypassPolicyLockoutSafetyCheck(true)
                .policy(policy(allow("arn:aws:iam::" + OWNER + ":root", "kms:*"), deny("kms:Encrypt", null))));
        assertUnmodeledError("AccessDeniedException", explicitlyDenied(OWNER, "kms:Encrypt", arn),
                () -> kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT)));

        kms.putKeyPolicy(b -> b.keyId(arn).policyName("default")
                .policy(policy(allow("arn:aws:iam::" + OWNER + ":root", "kms:*"))));
        kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT));
    }

    @Test
    void updateAlias_isJudgedOnTheNewTargetToo() {
        String current = newSymmetricKey().keyId();
        String closed = keyWithPolicy(policy(allow("arn:aws:iam::" + OWNER + ":root", "kms:*"),
                deny("kms:UpdateAlias", null)));
        kms.createAlias(b -> b.aliasName("alias/moving").targetKeyId(current));

        assertUnmodeledError("AccessDeniedException", explicitlyDenied(OWNER, "kms:UpdateAlias", closed),
                () -> kms.updateAlias(b -> b.aliasName("alias/moving").targetKeyId(closed)));
        assertEquals(current, kms.describeKey(b -> b.keyId("alias/moving")).keyMetadata().keyId());
        kms.updateAlias(b -> b.aliasName("alias/moving").targetKeyId(newSymmetricKey().keyId()));
        kms.createAlias(b -> b.aliasName("alias/held").targetKeyId(closed));
        assertUnmodeledError("AccessDeniedException", explicitlyDenied(OWNER, "kms:UpdateAlias", closed),
                () -> kms.updateAlias(b -> b.aliasName("alias/held").targetKeyId(current)));
        assertEquals(closed, kms.describeKey(b -> b.keyId("alias/held")).keyMetadata().arn());
    }

    @Test
    void theRetiringPrincipal_ofAnotherAccount_retiresTheGrant_withoutTheKeyPolicy() {
        String keyId = newSymmetricKey().keyId();
        String arn = keyArn(keyId);
        String grantId = kms.createGrant(b -> b.keyId(keyId).granteePrincipal("arn:aws:iam::" + OUTSIDER + ":root")
                .retiringPrincipal("arn:aws:iam::" + PARTNER + ":root").operations(GrantOperation.ENCRYPT)).grantId();

        assertUnmodeledError("AccessDeniedException", notAllowed(OUTSIDER, "kms:RetireGrant", arn, "resource-based"),
                () -> client(OUTSIDER_KEY).retireGrant(b -> b.keyId(arn).grantId(grantId)));
        client(PARTNER_KEY).retireGrant(b -> b.keyId(arn).grantId(grantId));

        assertEquals(0, kms.listGrants(b -> b.keyId(keyId)).grants().size());
    }

    @Test
    void theRetiringPrincipal_ofAnotherAccount_retiresTheGrantByItsToken_andNoOneElseCan() {
        String keyId = newSymmetricKey().keyId();
        String arn = keyArn(keyId);
        CreateGrantResponse grant = kms.createGrant(b -> b.keyId(keyId)
                .granteePrincipal("arn:aws:iam::" + OUTSIDER + ":root")
                .retiringPrincipal("arn:aws:iam::" + PARTNER + ":root").operations(GrantOperation.ENCRYPT));

        assertUnmodeledError("AccessDeniedException", notAllowed(OUTSIDER, "kms:RetireGrant", arn, "resource-based"),
                () -> client(OUTSIDER_KEY).retireGrant(b -> b.grantToken(grant.grantToken())));
        assertEquals(1, kms.listGrants(b -> b.keyId(keyId)).grants().size());
        client(PARTNER_KEY).retireGrant(b -> b.grantToken(grant.grantToken()));

        assertEquals(0, kms.listGrants(b -> b.keyId(keyId)).grants().size());
    }

    @Test
    void aGrantWithAnEqualsConstraint_needsExactlyThatContext() {
        String keyId = newSymmetricKey().keyId();
        String arn = keyArn(keyId);
        kms.createGrant(b -> b.keyId(keyId).granteePrincipal("arn:aws:iam::" + PARTNER + ":root")
                .operations(GrantOperation.ENCRYPT)
                .constraints(c -> c.encryptionContextEquals(Map.of("project", "apollo"))));
        KmsClient partner = client(PARTNER_KEY);

        partner.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT).encryptionContext(Map.of("project", "apollo")));
        assertUnmodeledError("AccessDeniedException", notAllowed(PARTNER, "kms:Encrypt", arn, "resource-based"),
                () -> partner.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT)
                        .encryptionContext(Map.of("project", "apollo", "file", "a.txt"))));
    }

    private String keyWithPolicy(String policy) {
        return kms.createKey(b -> b.policy(policy).bypassPolicyLockoutSafetyCheck(true)).keyMetadata().arn();
    }

    static String keyArn(String keyId) {
        return "arn:aws:kms:" + REGION + ":" + OWNER + ":key/" + keyId;
    }

    private static String policy(String... statements) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
    }

    private static String allow(String principal, String... actions) {
        return "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"" + principal + "\"}, \"Action\": "
                + actions(actions) + ", \"Resource\": \"*\"}";
    }

    private static String deny(String action, String condition) {
        return "{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"" + action + "\", \"Resource\": \"*\""
                + (condition == null ? "" : ", \"Condition\": " + condition) + "}";
    }

    private static String actions(String... actions) {
        return "[\"" + String.join("\", \"", actions) + "\"]";
    }

    private static String notAllowed(String account, String action, String arn, String policyType) {
        return "User: arn:aws:iam::" + account + ":root is not authorized to perform: " + action + " on resource: "
                + arn + " because no " + policyType + " policy allows the " + action + " action";
    }

    private static String explicitlyDenied(String account, String action, String arn) {
        return "User: arn:aws:iam::" + account + ":root is not authorized to perform: " + action + " on resource: "
                + arn + " with an explicit deny in a resource-based policy";
    }

    private Instant serverNow() {
        return Instant.parse(SignedRequests.admin(server.endpoint(), "GET", "/_trent/health", null, null, null, null)
                .body().get("now").asText());
    }

    private SignedRequests.Answer admin(String method, String path, String body) {
        return SignedRequests.admin(server.endpoint(), method, path, body, KmsClients.ACCESS_KEY,
                KmsClients.SECRET_KEY, serverNow());
    }

    private KmsClient client(String accessKey) {
        KmsClient client = KmsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, SECRET)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(60)))
                .build();
        clients.add(client);
        return client;
    }
}
