package dev.trent.server.iam;

import static dev.trent.server.iam.IamFixture.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.auth.CredentialStore;
import dev.trent.server.auth.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CreateUser, GetUser, DeleteUser, TagUser and the access key actions, with IAM's answers and refusals. */
class UserActionsTest {

    private final IamFixture iam = new IamFixture();

    @Test
    void createUser_answersTheUser_withPathArnIdAndTags() {
        IamFixture.Reply reply = iam.iam("CreateUser", "UserName", "Ana", "Path", "/team/",
                "Tags.member.1.Key", "dept", "Tags.member.1.Value", "crypto");

        reply.assertOk();
        assertEquals("Ana", reply.at("//CreateUserResult/User/UserName"));
        assertEquals("/team/", reply.at("//User/Path"));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":user/team/Ana", reply.at("//User/Arn"));
        assertTrue(reply.at("//User/UserId").matches("AIDA[A-Z2-7]{17}"));
        assertEquals("2026-12-03T17:00:00Z", reply.at("//User/CreateDate"));
        assertEquals("crypto", reply.at("//User/Tags/member[Key='dept']/Value"));
    }

    @Test
    void createUser_twiceIgnoringCase_isEntityAlreadyExists() {
        iam.iam("CreateUser", "UserName", "Ana").assertOk();

        iam.iam("CreateUser", "UserName", "ana").assertError(409, "EntityAlreadyExists",
                "User with name ana already exists.");
    }

    @Test
    void getUser_byNameOrAsTheCallingUser_andUnknownIsNoSuchEntity() {
        Principal ana = iam.user("ana");

        assertEquals(ana.arn(), iam.iam("GetUser", "UserName", "ana").at("//User/Arn"));
        assertEquals(ana.principalId(), iam.iam(ana, "GetUser").at("//User/UserId"));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":root", iam.iam("GetUser").at("//User/Arn"));
        iam.iam("GetUser", "UserName", "bob").assertError(404, "NoSuchEntity",
                "The user with name bob cannot be found.");
    }

    @Test
    void accessKeys_showTheSecretOnce_listWithoutIt_andSignAsTheUser() {
        Principal ana = iam.user("ana");
        IamFixture.Reply created = iam.iam("CreateAccessKey", "UserName", "ana");
        String keyId = created.at("//AccessKey/AccessKeyId");
        String secret = created.at("//AccessKey/SecretAccessKey");

        assertTrue(keyId.matches("AKIA[A-Z2-7]{16}"), keyId);
        assertEquals(40, secret.length());
        assertEquals("Active", created.at("//AccessKey/Status"));
        IamFixture.Reply listed = iam.iam("ListAccessKeys", "UserName", "ana");
        assertEquals(keyId, listed.at("//AccessKeyMetadata/member/AccessKeyId"));
        assertEquals(false, listed.xml().contains(secret));
        CredentialStore.Lookup lookup = new IamCredentials(iam.store).find(keyId, Optional.empty(), Instant.now());
        assertEquals(ana, ((CredentialStore.Found) lookup).principal());
        assertEquals(new CredentialStore.Refused(CredentialStore.Reason.INVALID_SESSION_TOKEN),
                new IamCredentials(iam.store).find(keyId, Optional.of("token"), Instant.now()));
    }

    @Test
    void thirdAccessKey_isLimitExceeded_andDeletedKeyNoLongerSigns() {
        iam.user("ana");
        String first = iam.iam("CreateAccessKey", "UserName", "ana").at("//AccessKeyId");
        iam.iam("CreateAccessKey", "UserName", "ana").assertOk();

        iam.iam("CreateAccessKey", "UserName", "ana").assertError(409, "LimitExceeded",
                "Cannot exceed quota for AccessKeysPerUser: 2");
        iam.iam("DeleteAccessKey", "UserName", "ana", "AccessKeyId", first).assertOk();
        assertEquals(new CredentialStore.Refused(CredentialStore.Reason.UNKNOWN_ACCESS_KEY),
                new IamCredentials(iam.store).find(first, Optional.empty(), Instant.now()));
        iam.iam("DeleteAccessKey", "UserName", "ana", "AccessKeyId", first).assertError(404, "NoSuchEntity",
                "The Access Key with id " + first + " cannot be found.");
    }

    @Test
    void deleteUser_isRefusedWhileKeysOrPoliciesRemain() {
        iam.user("ana");
        String key = iam.iam("CreateAccessKey", "UserName", "ana").at("//AccessKeyId");
        iam.iam("PutUserPolicy", "UserName", "ana", "PolicyName", "p", "PolicyDocument",
                IamFixture.allow("kms:Sign", "*")).assertOk();

        iam.iam("DeleteUser", "UserName", "ana").assertError(409, "DeleteConflict",
                "Cannot delete entity, must delete access keys first.");
        iam.iam("DeleteAccessKey", "UserName", "ana", "AccessKeyId", key).assertOk();
        iam.iam("DeleteUser", "UserName", "ana").assertError(409, "DeleteConflict",
                "Cannot delete entity, must delete policies first.");
        iam.iam("DeleteUserPolicy", "UserName", "ana", "PolicyName", "p").assertOk();
        iam.iam("DeleteUser", "UserName", "ana").assertOk();
        iam.iam("GetUser", "UserName", "ana").assertError(404, "NoSuchEntity",
                "The user with name ana cannot be found.");
    }

    @Test
    void tagUser_addsAndReplacesValues() {
        iam.iam("CreateUser", "UserName", "ana", "Tags.member.1.Key", "a", "Tags.member.1.Value", "1").assertOk();

        iam.iam("TagUser", "UserName", "ana", "Tags.member.1.Key", "a", "Tags.member.1.Value", "2",
                "Tags.member.2.Key", "b", "Tags.member.2.Value", "3").assertOk();

        IamFixture.Reply user = iam.iam("GetUser", "UserName", "ana");
        assertEquals("2", user.at("//Tags/member[Key='a']/Value"));
        assertEquals("3", user.at("//Tags/member[Key='b']/Value"));
    }

    @Test
    void tagUser_beyondFiftyTags_isLimitExceeded_butReplacingAValueIsNot() {
        iam.user("ana");
        List<String> fifty = new ArrayList<>(List.of("UserName", "ana"));
        for (int i = 1; i <= 50; i++) {
            fifty.addAll(List.of("Tags.member." + i + ".Key", "k" + i, "Tags.member." + i + ".Value", "v"));
        }
        iam.iam("TagUser", fifty.toArray(String[]::new)).assertOk();

        iam.iam("TagUser", "UserName", "ana", "Tags.member.1.Key", "k1", "Tags.member.1.Value", "w").assertOk();
        iam.iam("TagUser", "UserName", "ana", "Tags.member.1.Key", "k51", "Tags.member.1.Value", "v")
                .assertError(409, "LimitExceeded", "Cannot exceed quota for TagsPerUser: 50");
        assertEquals("w", iam.iam("GetUser", "UserName", "ana").at("//Tags/member[Key='k1']/Value"));
    }

    @Test
    void userNameBreakingThePattern_isValidationError() {
        iam.iam("CreateUser", "UserName", "ana smith").assertError(400, "ValidationError",
                "1 validation error detected: Value 'ana smith' at 'userName' failed to satisfy constraint: Member"
                        + " must satisfy regular expression pattern: [\\w+=,.@-]+");
    }
}
