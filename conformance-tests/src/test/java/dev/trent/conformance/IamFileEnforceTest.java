package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.auth.AuthMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * A server started with {@code --auth enforce --iam FILE}: the file's user signs with its key, assumes the
 * role whose trust policy names it, and the session may sign with a key of its account (whose default key policy
 * delegates to identity policies) but not verify or create keys, nor may the user itself; another user is
 * refused by the trust
 * policy with AWS's message; the file's state comes back after a reset.
 */
class IamFileEnforceTest extends TrentTestBase {

    private static final String TEAM = "111122223333";
    private static final AwsCredentials BOT = AwsBasicCredentials.create("AKIARELEASEBOT00001", "bot-secret");
    private static final AwsCredentials OTHER = AwsBasicCredentials.create("AKIAOTHERUSER000001", "other-secret");
    private static final AwsCredentials TEAM_ROOT = AwsBasicCredentials.create("AKIATEAMROOT0000001", "team-root");
    private static final String ROLE_ARN = "arn:aws:iam::" + TEAM + ":role/release-signer";

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.authMode(AuthMode.ENFORCE).iamFile(iamFile());
    }

    private static Path iamFile() {
        try {
            Path file = Files.createTempFile("trent-iam", ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    accounts:
                      "111122223333":
                        rootAccessKeys:
                          - {accessKeyId: AKIATEAMROOT0000001, secretAccessKey: team-root}
                        users:
                          - name: release-bot
                            accessKeys: [{accessKeyId: AKIARELEASEBOT00001, secretAccessKey: bot-secret}]
                            policies:
                              assume-signer:
                                Version: "2012-10-17"
                                Statement: {Effect: Allow, Action: "sts:AssumeRole", Resource: "%s"}
                          - name: other
                            accessKeys: [{accessKeyId: AKIAOTHERUSER000001, secretAccessKey: other-secret}]
                        roles:
                          - name: release-signer
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Principal: {AWS: "arn:aws:iam::111122223333:user/release-bot"}
                                  Action: sts:AssumeRole
                            policies:
                              sign:
                                Version: "2012-10-17"
                                Statement: {Effect: Allow, Action: ["kms:GetPublicKey", "kms:Sign"], Resource: "*"}
                    """.formatted(ROLE_ARN));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void fileUser_assumesTheRole_andItsSessionSigns_whatTheRolesPolicyAllowsOnly() {
        String keyId;
        try (KmsClient root = QueryClients.kms(server.endpoint(), TEAM_ROOT)) {
            keyId = root.createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY))
                    .keyMetadata().keyId();
        }
        String keyArn = "arn:aws:kms:us-east-1:" + TEAM + ":key/" + keyId;
        SdkBytes message = SdkBytes.fromUtf8String("release 1.0");
        try (StsClient sts = QueryClients.sts(server.endpoint(), BOT);
             KmsClient kmsAsBot = QueryClients.kms(server.endpoint(), BOT)) {
            assertEquals("arn:aws:iam::" + TEAM + ":user/release-bot", sts.getCallerIdentity().arn());
            KmsErrors.assertUnmodeledError("AccessDeniedException", "User: arn:aws:iam::" + TEAM
                    + ":user/release-bot is not authorized to perform: kms:Sign on resource: " + keyArn
                    + " because no identity-based policy allows the kms:Sign action",
                    () -> kmsAsBot.sign(b -> b.keyId(keyId).message(message)
                            .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)));
            Credentials creds = sts.assumeRole(b -> b.roleArn(ROLE_ARN).roleSessionName("ci")).credentials();
            AwsSessionCredentials session = AwsSessionCredentials.create(creds.accessKeyId(),
                    creds.secretAccessKey(), creds.sessionToken());
            try (KmsClient kmsAsSession = QueryClients.kms(server.endpoint(), session)) {
                kmsAsSession.getPublicKey(b -> b.keyId(keyId));
                SdkBytes signature = kmsAsSession.sign(b -> b.keyId(keyId).message(message)
                        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature();
                String sessionArn = "arn:aws:sts::" + TEAM + ":assumed-role/release-signer/ci";
                KmsErrors.assertUnmodeledError("AccessDeniedException", "User: " + sessionArn
                        + " is not authorized to perform: kms:Verify on resource: " + keyArn
                        + " because no identity-based policy allows the kms:Verify action",
                        () -> kmsAsSession.verify(b -> b.keyId(keyId).message(message).signature(signature)
                                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)));
                KmsErrors.assertUnmodeledErrorCode("AccessDeniedException",
                        () -> kmsAsSession.createKey(b -> { }));
            }
        }
    }

    @Test
    void userTheTrustPolicyDoesNotName_isAccessDenied() {
        try (StsClient sts = QueryClients.sts(server.endpoint(), OTHER)) {
            StsException denied = assertThrows(StsException.class,
                    () -> sts.assumeRole(b -> b.roleArn(ROLE_ARN).roleSessionName("ci")));
            assertEquals(403, denied.statusCode());
            assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
            assertEquals("User: arn:aws:iam::" + TEAM + ":user/other is not authorized to perform: sts:AssumeRole"
                    + " on resource: " + ROLE_ARN, denied.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void simulation_ofTheFilesRole_andTheFileComesBackAfterAReset() {
        try (IamClient iam = QueryClients.iam(server.endpoint(), TEAM_ROOT)) {
            List<EvaluationResult> results = iam.simulatePrincipalPolicy(b -> b.policySourceArn(ROLE_ARN)
                    .actionNames("kms:Sign", "kms:Decrypt")).evaluationResults();
            assertEquals("allowed", results.get(0).evalDecisionAsString());
            assertEquals("implicitDeny", results.get(1).evalDecisionAsString());
            iam.deleteRolePolicy(b -> b.roleName("release-signer").policyName("sign"));
            assertEquals("implicitDeny", iam.simulatePrincipalPolicy(b -> b.policySourceArn(ROLE_ARN)
                    .actionNames("kms:Sign")).evaluationResults().get(0).evalDecisionAsString());

            SignedRequests.Answer reset = SignedRequests.admin(server.endpoint(), "POST", "/_trent/reset", null,
                    "test", "test", java.time.Instant.now());
            assertEquals(200, reset.status(), () -> reset.body().toString());

            assertEquals("allowed", iam.simulatePrincipalPolicy(b -> b.policySourceArn(ROLE_ARN)
                    .actionNames("kms:Sign")).evaluationResults().get(0).evalDecisionAsString());
        }
    }
}
