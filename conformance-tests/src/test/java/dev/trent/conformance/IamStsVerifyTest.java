package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.auth.AuthMode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * IAM and STS through the real SDK for Java 2.x with {@code --auth verify}: a user made through IAM signs with
 * its new access key, a role's session signs KMS requests until the server's clock passes its expiry, and the
 * refusals carry AWS's codes and messages.
 */
class IamStsVerifyTest extends TrentTestBase {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final AwsCredentials ROOT = AwsBasicCredentials.create("test", "test");

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.authMode(AuthMode.VERIFY);
    }

    @AfterEach
    void forgetClockCorrection() {
        SdkGlobalTime.setGlobalTimeOffset(0);
    }

    private static String unique(String stem) {
        return stem + "-" + NAMES.incrementAndGet();
    }

    private static String trustPolicyFor(String principalArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principalArn + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    private AccessKey userWithKey(IamClient iam, String name) {
        iam.createUser(b -> b.userName(name));
        return iam.createAccessKey(b -> b.userName(name)).accessKey();
    }

    @Test
    void createdUser_signsGetCallerIdentityWithItsNewAccessKey() {
        try (IamClient iam = QueryClients.iam(server.endpoint(), ROOT)) {
            String name = unique("ana");
            User user = iam.createUser(b -> b.userName(name).path("/team/")).user();
            AccessKey key = iam.createAccessKey(b -> b.userName(name)).accessKey();

            assertEquals("arn:aws:iam::" + ACCOUNT + ":user/team/" + name, user.arn());
            assertTrue(user.userId().matches("AIDA[A-Z2-7]{17}"), user.userId());
            assertTrue(key.accessKeyId().matches("AKIA[A-Z2-7]{16}"), key.accessKeyId());
            assertEquals(40, key.secretAccessKey().length());
            try (StsClient sts = QueryClients.sts(server.endpoint(),
                    AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
                GetCallerIdentityResponse identity = sts.getCallerIdentity();
                assertEquals(ACCOUNT, identity.account());
                assertEquals(user.arn(), identity.arn());
                assertEquals(user.userId(), identity.userId());
            }
        }
    }

    @Test
    void rootCredentials_areTheAccountRoot() {
        try (StsClient sts = QueryClients.sts(server.endpoint(), ROOT)) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            assertEquals("arn:aws:iam::" + ACCOUNT + ":root", identity.arn());
            assertEquals(ACCOUNT, identity.userId());
        }
    }

    @Test
    void iamRefusals_carryAwsCodesStatusesAndMessages() {
        try (IamClient iam = QueryClients.iam(server.endpoint(), ROOT)) {
            String name = unique("dup");
            iam.createUser(b -> b.userName(name));

            EntityAlreadyExistsException dup = assertThrows(EntityAlreadyExistsException.class,
                    () -> iam.createUser(b -> b.userName(name)));
            assertEquals(409, dup.statusCode());
            assertEquals("User with name " + name + " already exists.", dup.awsErrorDetails().errorMessage());
            NoSuchEntityException missing = assertThrows(NoSuchEntityException.class,
                    () -> iam.getUser(b -> b.userName("nobody-here")));
            assertEquals(404, missing.statusCode());
            assertEquals("The user with name nobody-here cannot be found.", missing.awsErrorDetails().errorMessage());
            AwsServiceException invalid = assertThrows(AwsServiceException.class,
                    () -> iam.createUser(b -> b.userName("no spaces")));
            assertEquals("ValidationError", invalid.awsErrorDetails().errorCode());
            assertEquals("1 validation error detected: Value 'no spaces' at 'userName' failed to satisfy constraint:"
                    + " Member must satisfy regular expression pattern: [\\w+=,.@-]+",
                    invalid.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void unknownAccessKeyAndWrongSecret_areRefusedAsStsRefusesThem() {
        try (StsClient unknown = QueryClients.sts(server.endpoint(),
                AwsBasicCredentials.create("AKIAUNKNOWNEXAMPLE", "secret"));
             StsClient wrongSecret = QueryClients.sts(server.endpoint(),
                     AwsBasicCredentials.create("test", "not-the-secret"))) {
            StsException a = assertThrows(StsException.class, unknown::getCallerIdentity);
            assertEquals(403, a.statusCode());
            assertEquals("InvalidClientTokenId", a.awsErrorDetails().errorCode());
            assertEquals("The security token included in the request is invalid.", a.awsErrorDetails().errorMessage());
            StsException b = assertThrows(StsException.class, wrongSecret::getCallerIdentity);
            assertEquals(403, b.statusCode());
            assertEquals("SignatureDoesNotMatch", b.awsErrorDetails().errorCode());
            assertEquals("The request signature we calculated does not match the signature you provided. Check your"
                    + " AWS Secret Access Key and signing method. Consult the service documentation for details.",
                    b.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void assumedRoleSession_signsKmsRequests_untilTheClockPassesItsExpiry() {
        try (IamClient iam = QueryClients.iam(server.endpoint(), ROOT)) {
            String userName = unique("bot");
            AccessKey key = userWithKey(iam, userName);
            String roleName = unique("signer");
            Role role = iam.createRole(b -> b.roleName(roleName).assumeRolePolicyDocument(trustPolicyFor(
                    "arn:aws:iam::" + ACCOUNT + ":user/" + userName))).role();
            assertTrue(role.roleId().matches("AROA[A-Z2-7]{17}"), role.roleId());
            AssumeRoleResponse assumed;
            try (StsClient sts = QueryClients.sts(server.endpoint(),
                    AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
                Instant before = Instant.now();
                assumed = sts.assumeRole(b -> b.roleArn(role.arn()).roleSessionName("ci-42").durationSeconds(900));
                Instant expiration = assumed.credentials().expiration();
                assertTrue(!expiration.isBefore(before.plusSeconds(899))
                        && !expiration.isAfter(Instant.now().plusSeconds(901)), expiration::toString);
            }
            assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + roleName + "/ci-42",
                    assumed.assumedRoleUser().arn());
            assertEquals(role.roleId() + ":ci-42", assumed.assumedRoleUser().assumedRoleId());
            Credentials creds = assumed.credentials();
            assertTrue(creds.accessKeyId().startsWith("ASIA"), creds.accessKeyId());
            AwsSessionCredentials session = AwsSessionCredentials.create(creds.accessKeyId(),
                    creds.secretAccessKey(), creds.sessionToken());

            try (StsClient asSession = QueryClients.sts(server.endpoint(), session);
                 KmsClient kmsAsSession = QueryClients.kms(server.endpoint(), session)) {
                assertEquals(assumed.assumedRoleUser().arn(), asSession.getCallerIdentity().arn());
                assertEquals(ACCOUNT, kmsAsSession.createKey(b -> { }).keyMetadata().awsAccountId());

                try {
                    signedAdmin("POST", "/_trent/clock", "{\"advanceSeconds\": 901}");
                    KmsException expired = assertThrows(KmsException.class, kmsAsSession::listKeys);
                    assertEquals("ExpiredTokenException", expired.awsErrorDetails().errorCode());
                    assertEquals("The security token included in the request is expired",
                            expired.awsErrorDetails().errorMessage());
                    StsException stsExpired = assertThrows(StsException.class, asSession::getCallerIdentity);
                    assertEquals("ExpiredToken", stsExpired.awsErrorDetails().errorCode());
                    assertEquals("The security token included in the request is expired",
                            stsExpired.awsErrorDetails().errorMessage());
                } finally {
                    signedAdmin("DELETE", "/_trent/clock", null);
                }
            }
        }
    }

    @Test
    void forgedSessionToken_isInvalidClientTokenId() {
        try (StsClient sts = QueryClients.sts(server.endpoint(), ROOT)) {
            Credentials creds = sts.getSessionToken().credentials();
            String token = creds.sessionToken();
            String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
            try (StsClient withForged = QueryClients.sts(server.endpoint(),
                    AwsSessionCredentials.create(creds.accessKeyId(), creds.secretAccessKey(), forged));
                 StsClient withReal = QueryClients.sts(server.endpoint(),
                         AwsSessionCredentials.create(creds.accessKeyId(), creds.secretAccessKey(), token))) {
                assertEquals("arn:aws:iam::" + ACCOUNT + ":root", withReal.getCallerIdentity().arn());
                StsException e = assertThrows(StsException.class, withForged::getCallerIdentity);
                assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
            }
        }
    }

    @Test
    void sessionIssuedBeforeAReset_isRefusedAfterIt() {
        try (StsClient sts = QueryClients.sts(server.endpoint(), ROOT)) {
            Credentials creds = sts.getSessionToken().credentials();
            try (StsClient asSession = QueryClients.sts(server.endpoint(), AwsSessionCredentials.create(
                    creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken()))) {
                assertEquals("arn:aws:iam::" + ACCOUNT + ":root", asSession.getCallerIdentity().arn());

                signedAdmin("POST", "/_trent/reset", null);

                StsException refused = assertThrows(StsException.class, asSession::getCallerIdentity);
                assertEquals("InvalidClientTokenId", refused.awsErrorDetails().errorCode());
            }
        }
    }

    @Test
    void simulatePrincipalPolicy_answersAllowedAndImplicitDeny_withTheMatchedStatement() {
        try (IamClient iam = QueryClients.iam(server.endpoint(), ROOT)) {
            String roleName = unique("release-signer");
            Role role = iam.createRole(b -> b.roleName(roleName)
                    .assumeRolePolicyDocument(trustPolicyFor("arn:aws:iam::" + ACCOUNT + ":root"))).role();
            iam.putRolePolicy(b -> b.roleName(roleName).policyName("sign").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                            + "\"Action\":[\"kms:GetPublicKey\",\"kms:Sign\"],\"Resource\":\"*\"}}"));

            List<EvaluationResult> results = iam.simulatePrincipalPolicy(b -> b.policySourceArn(role.arn())
                    .actionNames("kms:Sign", "kms:Decrypt")).evaluationResults();

            assertEquals("kms:Sign", results.get(0).evalActionName());
            assertEquals("allowed", results.get(0).evalDecisionAsString());
            assertEquals("sign", results.get(0).matchedStatements().get(0).sourcePolicyId());
            assertEquals("role", results.get(0).matchedStatements().get(0).sourcePolicyTypeAsString());
            assertEquals("implicitDeny", results.get(1).evalDecisionAsString());
            assertTrue(results.get(1).matchedStatements().isEmpty());
        }
    }

    private void signedAdmin(String method, String path, String body) {
        Instant serverNow = Instant.parse(SignedRequests.admin(server.endpoint(), "GET", "/_trent/health", null, null,
                null, null).body().get("now").asText());
        SignedRequests.Answer answer = SignedRequests.admin(server.endpoint(), method, path, body, "test", "test",
                serverNow);
        assertEquals(200, answer.status(), () -> answer.body().toString());
    }
}
