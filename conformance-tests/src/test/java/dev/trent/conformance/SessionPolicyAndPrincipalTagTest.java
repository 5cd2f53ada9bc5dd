package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.auth.AuthMode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * {@code --auth enforce} through the real AWS SDK for Java 2.x: what a caller carries besides its identity policies.
 * A session policy given to AssumeRole caps the role's permissions; {@code aws:PrincipalTag} reports a user's tags,
 * a role session's role tags, and session tags in their place where both name the same key; passing session tags
 * needs {@code sts:TagSession} in the trust policy. The keys carry the default key policy, so identity and session
 * policies decide.
 */
class SessionPolicyAndPrincipalTagTest extends TrentTestBase {

    private static final AwsCredentials ROOT = AwsBasicCredentials.create(KmsClients.ACCESS_KEY, KmsClients.SECRET_KEY);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("capped");

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.authMode(AuthMode.ENFORCE)
                .rootCredentials(ACCOUNT, KmsClients.ACCESS_KEY, KmsClients.SECRET_KEY.toCharArray());
    }

    @Test
    void sessionPolicy_capsWhatTheRoleAllows() {
        String keyArn = kms.createKey(b -> { }).keyMetadata().arn();
        try (IamClient iam = QueryClients.iam(server.endpoint(), ROOT)) {
            Role role = roleAllowing(iam, "kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey");
            Credentials uncapped = assume(iam, role, b -> { });
            Credentials capped = assume(iam, role, b -> b.policy(policy(allow("kms:Encrypt", "kms:Decrypt"),
                    "{\"Effect\":\"Deny\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}")));

            try (KmsClient full = QueryClients.kms(server.endpoint(), session(uncapped));
                 KmsClient limited = QueryClients.kms(server.endpoint(), session(capped))) {
                SdkBytes blob = full.encrypt(b -> b.keyId(keyArn).plaintext(PLAINTEXT)).ciphertextBlob();
                assertEquals(PLAINTEXT, full.decrypt(b -> b.ciphertextBlob(blob)).plaintext());
                full.generateDataKey(b -> b.keyId(keyArn).numberOfBytes(32));

                limited.encrypt(b -> b.keyId(keyArn).plaintext(PLAINTEXT));
                String arn = sessionArn(role, "capped");
                assertDenied("User: " + arn + " is not authorized to perform: kms:GenerateDataKey on resource: "
                        + keyArn + " because no session policy allows the kms:GenerateDataKey action",
                        () -> limited.generateDataKey(b -> b.keyId(keyArn).numberOfBytes(32)));
                assertDenied("User: " + arn + " is not authorized to perform: kms:Decrypt on resource: " + keyArn
                        + " with an explicit deny in a session policy",
                        () -> limited.decrypt(b -> b.ciphertextBlob(blob)));
            }
        }
    }

    @Test
    void sessionPolicy_cannotGrantWhatTheRoleLacks() {
        String keyArn = kms.createKey(b -> { }).keyMetadata().arn();
        try (IamClient iam = QueryClients.iam(server.endpoint(), ROOT)) {
            Role role = roleAllowing(iam, "kms:Encrypt");
            Credentials wide = assume(iam, role, b -> b.policy(policy(allow("kms:*"))));
            try (KmsClient session = QueryClients.kms(server.endpoint(), session(wide))) {
                session.encrypt(b -> b.keyId(keyArn).plaintext(PLAINTEXT));
                assertDenied("User: " + sessionArn(role, "capped") + " is not authorized to perform:"
                        + " kms:GenerateDataKey on resource: " + keyArn + " because no identity-based policy allows"
                        + " the kms:GenerateDataKey action",
                        () -> session.generateDataKey(b -> b.keyId(keyArn).numberOfBytes(32)));
            }
        }
    }

    @Test
    void principalTag_isTheUsersTag() {
        String keyArn = kms.createKey(b -> { }).keyMetadata().arn();
        try (IamClient iam = QueryClients.iam(server.endpoint(), ROOT)) {
            String blue = unique("blue");
            String red = unique("red");
            AccessKey blueKey = userTagged(iam, blue, "blue");
            AccessKey redKey = userTagged(iam, red, "red");
            try (KmsClient asBlue = QueryClients.kms(server.endpoint(), credentials(blueKey));
                 KmsClient asRed = QueryClients.kms(server.endpoint(), credentials(redKey))) {
                asBlue.encrypt(b -> b.keyId(keyArn).plaintext(PLAINTEXT));
                assertDenied("User: arn:aws:iam::" + ACCOUNT + ":user/" + red + " is not authorized to perform:"
                        + " kms:Encrypt on resource: " + keyArn + " because no identity-based policy allows the"
                        + " kms:Encrypt action", () -> asRed.encrypt(b -> b.keyId(keyArn).plaintext(PLAINTEXT)));

                // A changed tag decides the very next request.
                iam.tagUser(b -> b.userName(red).tags(t -> t.key("team").value("blue")));
                asRed.encrypt(b -> b.keyId(keyArn).plaintext(PLAINTEXT));
            }
        }
    }

    @Test
    void principalTag_ofARoleSession_isTheRolesTag_unlessASessionTagReplacesIt() {
        String keyArn = kms.createKey(b -> { }).keyMetadata().arn();
        try (IamClient iam = QueryClients.iam(server.endpoint(), ROOT)) {
            Role role = roleWithTeamCondition(iam);
            Credentials asRoleTag = assume(iam, role, b -> { });
            Credentials asSessionTag = assume(iam, role, b -> b.tags(Tag.builder().key("team").value("blue").build()));
            try (KmsClient red = QueryClients.kms(server.endpoint(), session(asRoleTag));
                 KmsClient blue = QueryClients.kms(server.endpoint(), session(asSessionTag))) {
                assertDenied("User: " + sessionArn(role, "uncapped") + " is not authorized to perform: kms:Encrypt"
                        + " on resource: " + keyArn + " because no identity-based policy allows the kms:Encrypt"
                        + " action", () -> red.encrypt(b -> b.keyId(keyArn).plaintext(PLAINTEXT)));
                blue.encrypt(b -> b.keyId(keyArn).plaintext(PLAINTEXT));
            }
        }
    }

    @Test
    void sessionTags_needTagSessionInTheTrustPolicy() {
        try (IamClient iam = QueryClients.iam(server.endpoint(), ROOT)) {
            String user = unique("tagger");
            AccessKey key = userWithPolicy(iam, user, policy(allow("sts:AssumeRole", "sts:TagSession")));
            String roleName = unique("untaggable");
            Role role = iam.createRole(b -> b.roleName(roleName).assumeRolePolicyDocument(policy(
                    "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":user/" + user
                            + "\"},\"Action\":\"sts:AssumeRole\"}"))).role();
            try (StsClient sts = QueryClients.sts(server.endpoint(), credentials(key))) {
                StsException refused = assertThrows(StsException.class, () -> sts.assumeRole(b -> b
                        .roleArn(role.arn()).roleSessionName("tagged")
                        .tags(Tag.builder().key("team").value("blue").build())));
                assertEquals("AccessDenied", refused.awsErrorDetails().errorCode());
                assertEquals("User: arn:aws:iam::" + ACCOUNT + ":user/" + user + " is not authorized to perform:"
                        + " sts:TagSession on resource: " + role.arn(), refused.awsErrorDetails().errorMessage());
                sts.assumeRole(b -> b.roleArn(role.arn()).roleSessionName("untagged"));
            }
        }
    }

    /** A role tagged team=red whose policy allows kms:Encrypt only to callers tagged team=blue. */
    private Role roleWithTeamCondition(IamClient iam) {
        Role role = roleAllowing(iam);
        iam.tagRole(b -> b.roleName(role.roleName()).tags(t -> t.key("team").value("red")));
        iam.putRolePolicy(b -> b.roleName(role.roleName()).policyName("blue-only").policyDocument(policy(
                teamBlue("kms:Encrypt"))));
        return role;
    }

    /** A role the test's caller may assume (with session tags), with an inline policy allowing {@code actions}. */
    private Role roleAllowing(IamClient iam, String... actions) {
        String roleName = unique("role");
        Role role = iam.createRole(b -> b.roleName(roleName).assumeRolePolicyDocument(policy(
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},"
                        + "\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"]}"))).role();
        if (actions.length > 0) {
            iam.putRolePolicy(b -> b.roleName(roleName).policyName("kms").policyDocument(policy(allow(actions))));
        }
        return role;
    }

    /** A session of {@code role} for a fresh user allowed to assume it; named "capped" when given a policy. */
    private Credentials assume(IamClient iam, Role role, java.util.function.Consumer<AssumeRoleRequest.Builder> extra) {
        String user = unique("assumer");
        AccessKey key = userWithPolicy(iam, user, policy(allow("sts:AssumeRole", "sts:TagSession")));
        try (StsClient sts = QueryClients.sts(server.endpoint(), credentials(key))) {
            AssumeRoleRequest.Builder request = AssumeRoleRequest.builder().roleArn(role.arn());
            extra.accept(request);
            String name = request.build().policy() != null ? "capped" : "uncapped";
            return sts.assumeRole(request.roleSessionName(name).build()).credentials();
        }
    }

    private AccessKey userTagged(IamClient iam, String name, String team) {
        AccessKey key = userWithPolicy(iam, name, policy(teamBlue("kms:Encrypt")));
        iam.tagUser(b -> b.userName(name).tags(t -> t.key("team").value(team)));
        return key;
    }

    private AccessKey userWithPolicy(IamClient iam, String name, String policy) {
        iam.createUser(b -> b.userName(name));
        iam.putUserPolicy(b -> b.userName(name).policyName("own").policyDocument(policy));
        return iam.createAccessKey(b -> b.userName(name)).accessKey();
    }

    private static String sessionArn(Role role, String sessionName) {
        return "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role.roleName() + "/" + sessionName;
    }

    private static void assertDenied(String message, Runnable call) {
        KmsException refused = assertThrows(KmsException.class, call::run);
        assertEquals("AccessDeniedException", refused.awsErrorDetails().errorCode());
        assertEquals(message, refused.awsErrorDetails().errorMessage());
    }

    private static AwsCredentials credentials(AccessKey key) {
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    private static AwsCredentials session(Credentials credentials) {
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
    }

    private static String teamBlue(String action) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\"}}}";
    }

    private static String allow(String... actions) {
        return "{\"Effect\":\"Allow\",\"Action\":[\"" + String.join("\",\"", actions) + "\"],\"Resource\":\"*\"}";
    }

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static String unique(String stem) {
        return stem + "-" + NAMES.incrementAndGet();
    }
}
