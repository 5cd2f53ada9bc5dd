package dev.trent.server.iam;

import static dev.trent.server.iam.IamFixture.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** CreatePolicy, GetPolicy, GetPolicyVersion, DeletePolicy and attaching to users and roles. */
class ManagedPolicyActionsTest {

    private static final String SIGN = IamFixture.allow("kms:Sign", "*");
    private static final String ARN = "arn:aws:iam::" + ACCOUNT + ":policy/ops/signing";

    private final IamFixture iam = new IamFixture();

    @Test
    void createPolicy_answersItsMetadata_andVersionOneHoldsTheDocument() {
        IamFixture.Reply created = iam.iam("CreatePolicy", "PolicyName", "signing", "Path", "/ops/",
                "PolicyDocument", SIGN);

        assertEquals(ARN, created.at("//Policy/Arn"));
        assertTrue(created.at("//Policy/PolicyId").matches("ANPA[A-Z2-7]{17}"));
        assertEquals("v1", created.at("//Policy/DefaultVersionId"));
        assertEquals("0", created.at("//Policy/AttachmentCount"));
        assertEquals("true", created.at("//Policy/IsAttachable"));
        IamFixture.Reply version = iam.iam("GetPolicyVersion", "PolicyArn", ARN, "VersionId", "v1");
        assertEquals(SIGN, URLDecoder.decode(version.at("//PolicyVersion/Document"), StandardCharsets.UTF_8));
        assertEquals("true", version.at("//PolicyVersion/IsDefaultVersion"));
        iam.iam("GetPolicyVersion", "PolicyArn", ARN, "VersionId", "v2").assertError(404, "NoSuchEntity",
                "Policy " + ARN + " version v2 does not exist or is not attachable.");
        iam.iam("CreatePolicy", "PolicyName", "signing", "PolicyDocument", SIGN).assertError(409,
                "EntityAlreadyExists", "A policy called signing already exists. Duplicate names are not allowed.");
    }

    @Test
    void attachAndDetach_countAttachments_andDeletePolicyWaitsForDetach() {
        iam.iam("CreatePolicy", "PolicyName", "signing", "Path", "/ops/", "PolicyDocument", SIGN).assertOk();
        iam.user("ana");
        iam.iam("CreateRole", "RoleName", "signer", "AssumeRolePolicyDocument",
                IamFixture.trustPolicy("arn:aws:iam::" + ACCOUNT + ":root")).assertOk();

        iam.iam("AttachUserPolicy", "UserName", "ana", "PolicyArn", ARN).assertOk();
        iam.iam("AttachRolePolicy", "RoleName", "signer", "PolicyArn", ARN).assertOk();
        iam.iam("AttachRolePolicy", "RoleName", "signer", "PolicyArn", ARN).assertOk();

        assertEquals("2", iam.iam("GetPolicy", "PolicyArn", ARN).at("//Policy/AttachmentCount"));
        IamFixture.Reply listed = iam.iam("ListAttachedRolePolicies", "RoleName", "signer");
        assertEquals(1, listed.count("//AttachedPolicies/member"));
        assertEquals("signing", listed.at("//AttachedPolicies/member/PolicyName"));
        assertEquals(0, iam.iam("ListAttachedUserPolicies", "UserName", "ana", "PathPrefix", "/other/")
                .count("//AttachedPolicies/member"));
        iam.iam("DeletePolicy", "PolicyArn", ARN).assertError(409, "DeleteConflict",
                "Cannot delete a policy attached to entities.");
        iam.iam("DetachUserPolicy", "UserName", "ana", "PolicyArn", ARN).assertOk();
        iam.iam("DetachUserPolicy", "UserName", "ana", "PolicyArn", ARN).assertError(404, "NoSuchEntity",
                "Policy " + ARN + " was not found.");
        iam.iam("DeleteRole", "RoleName", "signer").assertError(409, "DeleteConflict",
                "Cannot delete entity, must detach all policies first.");
        iam.iam("DetachRolePolicy", "RoleName", "signer", "PolicyArn", ARN).assertOk();
        iam.iam("DeletePolicy", "PolicyArn", ARN).assertOk();
        iam.iam("GetPolicy", "PolicyArn", ARN).assertError(404, "NoSuchEntity",
                "Policy " + ARN + " does not exist or is not attachable.");
    }

    @Test
    void unknownOrMalformedPolicyArn() {
        iam.user("ana");

        iam.iam("AttachUserPolicy", "UserName", "ana", "PolicyArn", ARN).assertError(404, "NoSuchEntity",
                "Policy " + ARN + " does not exist or is not attachable.");
        iam.iam("GetPolicy", "PolicyArn", "not-an-arn-at-all-really").assertError(400, "InvalidInput",
                "ARN not-an-arn-at-all-really is not valid.");
    }
}
