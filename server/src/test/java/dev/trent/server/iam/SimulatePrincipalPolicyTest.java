package dev.trent.server.iam;

import static dev.trent.server.iam.IamFixture.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SimulatePrincipalPolicy over users' and roles' inline and managed policies, by the evaluator. */
class SimulatePrincipalPolicyTest {

    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/release-signer";
    private static final String KEY_ARN = "arn:aws:kms:us-east-1:" + ACCOUNT
            + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private final IamFixture iam = new IamFixture();

    private void signingRole() {
        iam.iam("CreateRole", "RoleName", "release-signer", "AssumeRolePolicyDocument",
                IamFixture.trustPolicy("arn:aws:iam::" + ACCOUNT + ":root")).assertOk();
        iam.iam("PutRolePolicy", "RoleName", "release-signer", "PolicyName", "sign", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"kms:GetPublicKey\","
                        + "\"kms:Sign\"],\"Resource\":\"arn:aws:kms:us-east-1:" + ACCOUNT + ":key/*\"}}")
                .assertOk();
    }

    @Test
    void role_allowedForSign_implicitDenyForDecrypt() {
        signingRole();

        IamFixture.Reply reply = iam.iam("SimulatePrincipalPolicy", "PolicySourceArn", ROLE_ARN,
                "ActionNames.member.1", "kms:Sign", "ActionNames.member.2", "kms:Decrypt",
                "ResourceArns.member.1", KEY_ARN);

        reply.assertOk();
        assertEquals("kms:Sign", reply.at("//EvaluationResults/member[1]/EvalActionName"));
        assertEquals(KEY_ARN, reply.at("//EvaluationResults/member[1]/EvalResourceName"));
        assertEquals("allowed", reply.at("//EvaluationResults/member[1]/EvalDecision"));
        assertEquals("sign", reply.at("//EvaluationResults/member[1]/MatchedStatements/member/SourcePolicyId"));
        assertEquals("role", reply.at("//EvaluationResults/member[1]/MatchedStatements/member/SourcePolicyType"));
        assertEquals("implicitDeny", reply.at("//EvaluationResults/member[2]/EvalDecision"));
        assertEquals(0, reply.count("//EvaluationResults/member[2]/MatchedStatements/member"));
        assertEquals("false", reply.at("//IsTruncated"));
    }

    @Test
    void managedPolicyDeny_isExplicitDeny_namingThePolicy() {
        signingRole();
        iam.iam("CreatePolicy", "PolicyName", "no-sign", "PolicyDocument", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"kms:Sign\",\"Resource\":\"*\"}}").assertOk();
        iam.iam("AttachRolePolicy", "RoleName", "release-signer", "PolicyArn",
                "arn:aws:iam::" + ACCOUNT + ":policy/no-sign").assertOk();

        IamFixture.Reply reply = iam.iam("SimulatePrincipalPolicy", "PolicySourceArn", ROLE_ARN,
                "ActionNames.member.1", "kms:Sign", "ResourceArns.member.1", KEY_ARN);

        assertEquals("explicitDeny", reply.at("//EvalDecision"));
        assertEquals("no-sign", reply.at("//MatchedStatements/member/SourcePolicyId"));
        assertEquals("user-managed", reply.at("//MatchedStatements/member/SourcePolicyType"));
    }

    @Test
    void user_withAConditionReadFromContextEntries() {
        iam.user("ana");
        iam.iam("PutUserPolicy", "UserName", "ana", "PolicyName", "eu-only", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"kms:Encrypt\","
                        + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":"
                        + "\"eu-west-1\"}}}}").assertOk();
        String ana = "arn:aws:iam::" + ACCOUNT + ":user/ana";

        assertEquals("allowed", iam.iam("SimulatePrincipalPolicy", "PolicySourceArn", ana,
                "ActionNames.member.1", "kms:Encrypt", "ContextEntries.member.1.ContextKeyName",
                "aws:RequestedRegion", "ContextEntries.member.1.ContextKeyValues.member.1", "eu-west-1",
                "ContextEntries.member.1.ContextKeyType", "string").at("//EvalDecision"));
        IamFixture.Reply withoutContext = iam.iam("SimulatePrincipalPolicy", "PolicySourceArn", ana,
                "ActionNames.member.1", "kms:Encrypt");
        assertEquals("implicitDeny", withoutContext.at("//EvalDecision"));
        assertEquals("aws:RequestedRegion", withoutContext.at("//MissingContextValues/member"));
        assertEquals("", iam.iam("SimulatePrincipalPolicy", "PolicySourceArn", ana, "ActionNames.member.1",
                "kms:Decrypt").at("//MissingContextValues/member"));
    }

    @Test
    void unknownSource_isNoSuchEntity() {
        iam.iam("SimulatePrincipalPolicy", "PolicySourceArn", ROLE_ARN, "ActionNames.member.1", "kms:Sign")
                .assertError(404, "NoSuchEntity", "PolicySourceArn " + ROLE_ARN + " does not exist.");
    }
}
