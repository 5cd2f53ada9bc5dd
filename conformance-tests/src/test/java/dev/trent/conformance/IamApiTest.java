package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The IAM API through the real SDK with {@code --auth off}: every answer shape the SDK reads, and requests
 * acting in the account their access key names.
 */
class IamApiTest extends TrentTestBase {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String SIGN = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"kms:Sign\",\"Resource\":\"*\"}}";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}}";

    private IamClient iam() {
        return QueryClients.iam(server.endpoint(), AwsBasicCredentials.create("test", "test"));
    }

    private static String unique(String stem) {
        return stem + NAMES.incrementAndGet();
    }

    @Test
    void managedPolicy_createGetVersionAttachListDetachDelete() {
        try (IamClient iam = iam()) {
            String name = unique("signing");
            String roleName = unique("role");
            Policy policy = iam.createPolicy(b -> b.policyName(name).policyDocument(SIGN).description("d")).policy();
            iam.createRole(b -> b.roleName(roleName).assumeRolePolicyDocument(TRUST));

            iam.attachRolePolicy(b -> b.roleName(roleName).policyArn(policy.arn()));

            assertEquals("arn:aws:iam::" + ACCOUNT + ":policy/" + name, policy.arn());
            assertEquals(1, iam.getPolicy(b -> b.policyArn(policy.arn())).policy().attachmentCount());
            assertEquals(SIGN, URLDecoder.decode(iam.getPolicyVersion(b -> b.policyArn(policy.arn()).versionId("v1"))
                    .policyVersion().document(), StandardCharsets.UTF_8));
            List<AttachedPolicy> attached = iam.listAttachedRolePolicies(b -> b.roleName(roleName))
                    .attachedPolicies();
            assertEquals(List.of(AttachedPolicy.builder().policyName(name).policyArn(policy.arn()).build()), attached);
            DeleteConflictException conflict = assertThrows(DeleteConflictException.class,
                    () -> iam.deletePolicy(b -> b.policyArn(policy.arn())));
            assertEquals("Cannot delete a policy attached to entities.", conflict.awsErrorDetails().errorMessage());
            iam.detachRolePolicy(b -> b.roleName(roleName).policyArn(policy.arn()));
            iam.deletePolicy(b -> b.policyArn(policy.arn()));
            iam.deleteRole(b -> b.roleName(roleName));
        }
    }

    @Test
    void roleTagsAndInlinePolicy_andAMalformedDocument() {
        try (IamClient iam = iam()) {
            String roleName = unique("tagged");
            iam.createRole(b -> b.roleName(roleName).assumeRolePolicyDocument(TRUST).maxSessionDuration(7200));
            iam.tagRole(b -> b.roleName(roleName).tags(Tag.builder().key("team").value("release").build()));
            iam.putRolePolicy(b -> b.roleName(roleName).policyName("sign").policyDocument(SIGN));

            Role role = iam.getRole(b -> b.roleName(roleName)).role();
            assertEquals(List.of(Tag.builder().key("team").value("release").build()), role.tags());
            assertEquals(7200, role.maxSessionDuration());
            assertEquals(TRUST, URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8));
            assertEquals(SIGN, URLDecoder.decode(iam.getRolePolicy(b -> b.roleName(roleName).policyName("sign"))
                    .policyDocument(), StandardCharsets.UTF_8));
            MalformedPolicyDocumentException malformed = assertThrows(MalformedPolicyDocumentException.class,
                    () -> iam.putRolePolicy(b -> b.roleName(roleName).policyName("p").policyDocument(TRUST)));
            assertEquals(400, malformed.statusCode());
            assertEquals("Policy document should not specify a principal.",
                    malformed.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void accessKeys_listDeleteAndTheUserGoes() {
        try (IamClient iam = iam()) {
            String userName = unique("keys");
            iam.createUser(b -> b.userName(userName));
            String keyId = iam.createAccessKey(b -> b.userName(userName)).accessKey().accessKeyId();

            List<AccessKeyMetadata> keys = iam.listAccessKeys(b -> b.userName(userName)).accessKeyMetadata();
            assertEquals(1, keys.size());
            assertEquals(keyId, keys.get(0).accessKeyId());
            assertEquals("Active", keys.get(0).statusAsString());
            iam.deleteAccessKey(b -> b.userName(userName).accessKeyId(keyId));
            iam.deleteUser(b -> b.userName(userName));

            NoSuchEntityException gone = assertThrows(NoSuchEntityException.class,
                    () -> iam.listAccessKeys(b -> b.userName(userName)));
            assertEquals("The user with name " + userName + " cannot be found.", gone.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void offMode_aTwelveDigitAccessKeyActsInThatAccount() {
        try (IamClient team = QueryClients.iam(server.endpoint(),
                AwsBasicCredentials.create("444455556666", "anything"));
             StsClient sts = QueryClients.sts(server.endpoint(),
                     AwsBasicCredentials.create("444455556666", "anything"))) {
            String userName = unique("team");
            assertEquals("arn:aws:iam::444455556666:user/" + userName,
                    team.createUser(b -> b.userName(userName)).user().arn());
            assertEquals("444455556666", sts.getCallerIdentity().account());
        }
    }
}
