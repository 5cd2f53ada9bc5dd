package dev.trent.server.iam;

import static dev.trent.server.iam.IamFixture.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** CreateRole, GetRole, DeleteRole, UpdateAssumeRolePolicy, TagRole and role inline policies. */
class RoleActionsTest {

    private static final String TRUST = IamFixture.trustPolicy("arn:aws:iam::" + ACCOUNT + ":root");

    private final IamFixture iam = new IamFixture();

    @Test
    void createRole_answersTheRole_withItsTrustPolicyUrlEncoded() {
        IamFixture.Reply reply = iam.iam("CreateRole", "RoleName", "signer", "AssumeRolePolicyDocument", TRUST,
                "MaxSessionDuration", "7200", "Description", "signs releases");

        reply.assertOk();
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/signer", reply.at("//Role/Arn"));
        assertTrue(reply.at("//Role/RoleId").matches("AROA[A-Z2-7]{17}"));
        assertEquals("7200", reply.at("//Role/MaxSessionDuration"));
        assertEquals("signs releases", reply.at("//Role/Description"));
        assertEquals(TRUST, URLDecoder.decode(reply.at("//Role/AssumeRolePolicyDocument"), StandardCharsets.UTF_8));
        assertEquals("3600", iam.iam("CreateRole", "RoleName", "other", "AssumeRolePolicyDocument", TRUST)
                .at("//Role/MaxSessionDuration"));
    }

    @Test
    void sessionOfARoleUnderAPath_isKnownByTheRolesFullArn_withTheRolesPolicies() {
        iam.iam("CreateRole", "RoleName", "Signer", "Path", "/team/", "AssumeRolePolicyDocument", TRUST).assertOk();
        iam.iam("PutRolePolicy", "RoleName", "Signer", "PolicyName", "sign", "PolicyDocument",
                IamFixture.allow("kms:Sign", "*")).assertOk();
        // A session's ARN names the role without its path, as AWS's assumed-role ARNs do.
        dev.trent.server.auth.Principal session = new dev.trent.server.auth.Principal(
                dev.trent.server.auth.Principal.Kind.ASSUMED_ROLE, ACCOUNT,
                "arn:aws:sts::" + ACCOUNT + ":assumed-role/Signer/build-7", "AROAEXAMPLEROLEID0001:build-7");

        IdentityPolicies.Holding held = new IdentityPolicies(iam.store).ofCaller(session);

        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/team/Signer", held.principal().roleArn());
        assertEquals(session.arn(), held.principal().arn());
        assertEquals(1, held.policies().size());
    }

    @Test
    void createRole_refusals() {
        iam.iam("CreateRole", "RoleName", "signer", "AssumeRolePolicyDocument", TRUST).assertOk();

        iam.iam("CreateRole", "RoleName", "Signer", "AssumeRolePolicyDocument", TRUST).assertError(409,
                "EntityAlreadyExists", "Role with name Signer already exists.");
        iam.iam("CreateRole", "RoleName", "r2", "AssumeRolePolicyDocument", IamFixture.allow("kms:Sign", "*"))
                .assertError(400, "MalformedPolicyDocument", "Missing required field Principal");
        IamFixture.Reply notJson = iam.iam("CreateRole", "RoleName", "r3", "AssumeRolePolicyDocument", "{not json");
        assertEquals(400, notJson.status());
        assertEquals("MalformedPolicyDocument", notJson.at("//Error/Code"));
        iam.iam("CreateRole", "RoleName", "r4", "AssumeRolePolicyDocument", TRUST, "MaxSessionDuration", "100")
                .assertError(400, "ValidationError", "1 validation error detected: Value '100' at"
                        + " 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than"
                        + " or equal to 3600");
        iam.iam("CreateRole", "RoleName", "r5").assertError(400, "ValidationError", "1 validation error detected:"
                + " Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void updateAssumeRolePolicy_replacesTheTrustPolicy() {
        iam.iam("CreateRole", "RoleName", "signer", "AssumeRolePolicyDocument", TRUST).assertOk();
        String other = IamFixture.trustPolicy("arn:aws:iam::" + ACCOUNT + ":user/ana");

        iam.iam("UpdateAssumeRolePolicy", "RoleName", "signer", "PolicyDocument", other).assertOk();

        assertEquals(other, iam.store.account(ACCOUNT).role("signer").orElseThrow().trustPolicy());
        iam.iam("UpdateAssumeRolePolicy", "RoleName", "none", "PolicyDocument", other).assertError(404,
                "NoSuchEntity", "The role with name none cannot be found.");
    }

    @Test
    void rolePolicies_putGetDelete_andDeleteRoleWaitsForThem() {
        iam.iam("CreateRole", "RoleName", "signer", "AssumeRolePolicyDocument", TRUST).assertOk();
        String sign = IamFixture.allow("kms:Sign", "*");
        iam.iam("PutRolePolicy", "RoleName", "signer", "PolicyName", "sign", "PolicyDocument", sign).assertOk();

        IamFixture.Reply got = iam.iam("GetRolePolicy", "RoleName", "signer", "PolicyName", "sign");
        assertEquals("signer", got.at("//GetRolePolicyResult/RoleName"));
        assertEquals(sign, URLDecoder.decode(got.at("//PolicyDocument"), StandardCharsets.UTF_8));
        iam.iam("DeleteRole", "RoleName", "signer").assertError(409, "DeleteConflict",
                "Cannot delete entity, must delete policies first.");
        iam.iam("DeleteRolePolicy", "RoleName", "signer", "PolicyName", "sign").assertOk();
        iam.iam("GetRolePolicy", "RoleName", "signer", "PolicyName", "sign").assertError(404, "NoSuchEntity",
                "The role policy with name sign cannot be found.");
        iam.iam("DeleteRole", "RoleName", "signer").assertOk();
        iam.iam("GetRole", "RoleName", "signer").assertError(404, "NoSuchEntity",
                "The role with name signer cannot be found.");
    }

    @Test
    void inlinePolicyWithAPrincipal_isMalformed() {
        iam.iam("CreateRole", "RoleName", "signer", "AssumeRolePolicyDocument", TRUST).assertOk();

        iam.iam("PutRolePolicy", "RoleName", "signer", "PolicyName", "p", "PolicyDocument", TRUST).assertError(400,
                "MalformedPolicyDocument", "Policy document should not specify a principal.");
    }

    @Test
    void tagRole_addsTags() {
        iam.iam("CreateRole", "RoleName", "signer", "AssumeRolePolicyDocument", TRUST).assertOk();

        iam.iam("TagRole", "RoleName", "signer", "Tags.member.1.Key", "team", "Tags.member.1.Value", "release")
                .assertOk();

        assertEquals("release", iam.iam("GetRole", "RoleName", "signer").at("//Tags/member[Key='team']/Value"));
    }
}
