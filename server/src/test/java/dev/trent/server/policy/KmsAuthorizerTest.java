package dev.trent.server.policy;

import static dev.trent.server.policy.Fixtures.ANA;
import static dev.trent.server.policy.Fixtures.KEY_ARN;
import static dev.trent.server.policy.Fixtures.ROLE_ARN;
import static dev.trent.server.policy.Fixtures.ROOT;
import static dev.trent.server.policy.Fixtures.ROOT_ARN;
import static dev.trent.server.policy.Fixtures.SESSION;
import static dev.trent.server.policy.Fixtures.USER_ARN;
import static dev.trent.server.policy.Fixtures.allow;
import static dev.trent.server.policy.Fixtures.aws;
import static dev.trent.server.policy.Fixtures.defaultKeyPolicy;
import static dev.trent.server.policy.Fixtures.deny;
import static dev.trent.server.policy.Fixtures.doc;
import static dev.trent.server.policy.Fixtures.identity;
import static dev.trent.server.policy.Fixtures.keyAndIdentity;
import static dev.trent.server.policy.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Same-account decisions: the default key policy with identity policies, direct grants, roles and sessions. */
class KmsAuthorizerTest {

    private final KmsAuthorizer authorizer = new KmsAuthorizer();

    private Decision decide(PolicyPrincipal who, String action, ApplicablePolicies policies) {
        return authorizer.authorize(request(who, action), policies, false);
    }

    @Test
    void defaultKeyPolicy_withoutIdentityPolicy_isImplicitlyDenied_byIdentity() {
        Decision d = decide(ANA, "kms:Encrypt", keyAndIdentity(defaultKeyPolicy()));
        assertEquals(EvalDecision.IMPLICIT_DENY, d.decision());
        assertEquals(PolicyType.IDENTITY_BASED, d.deniedBy());
        assertEquals(List.of(), d.matchedStatements());
    }

    @Test
    void defaultKeyPolicy_plusIdentityAllow_allows_andNamesBothStatements() {
        Decision d = decide(ANA, "kms:Encrypt", keyAndIdentity(defaultKeyPolicy(),
                identity("EncryptOnly", allow(null, "kms:Encrypt", "\"Sid\":\"Enc\""))));
        assertEquals(EvalDecision.ALLOWED, d.decision());
        assertEquals(AllowedBy.KEY_POLICY_AND_IDENTITY, d.allowedBy());
        assertEquals(List.of(
                new MatchedStatement("default", PolicyType.RESOURCE_BASED, 0, "Enable IAM User Permissions",
                        Effect.Allow, PrincipalMatch.ACCOUNT),
                new MatchedStatement("EncryptOnly", PolicyType.IDENTITY_BASED, 0, "Enc", Effect.Allow,
                        PrincipalMatch.DIRECT)), d.matchedStatements());
    }

    @Test
    void identityAllow_forAnotherActionOrKey_doesNotCarryOver() {
        Policy encryptOnThisKey = identity("p", Fixtures.stmt("\"Effect\":\"Allow\",\"Action\":\"kms:Encrypt\","
                + "\"Resource\":\"" + KEY_ARN + "\""));
        Policy encryptOnOtherKey = identity("q", Fixtures.stmt("\"Effect\":\"Allow\",\"Action\":\"kms:Encrypt\","
                + "\"Resource\":\"arn:aws:kms:us-west-2:111122223333:key/other\""));
        assertEquals(EvalDecision.ALLOWED, decide(ANA, "kms:Encrypt",
                keyAndIdentity(defaultKeyPolicy(), encryptOnThisKey)).decision());
        assertEquals(EvalDecision.IMPLICIT_DENY, decide(ANA, "kms:Decrypt",
                keyAndIdentity(defaultKeyPolicy(), encryptOnThisKey)).decision());
        assertEquals(PolicyType.IDENTITY_BASED, decide(ANA, "kms:Encrypt",
                keyAndIdentity(defaultKeyPolicy(), encryptOnOtherKey)).deniedBy());
    }

    @Test
    void keyPolicyWithoutTheAccount_identityAloneCannotAllow() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws("arn:aws:iam::111122223333:user/Admin"), "kms:*", null)));
        Decision d = decide(ANA, "kms:Encrypt", keyAndIdentity(keyPolicy, identity("all", allow(null, "kms:*", null))));
        assertEquals(EvalDecision.IMPLICIT_DENY, d.decision());
        assertEquals(PolicyType.RESOURCE_BASED, d.deniedBy());
    }

    @Test
    void keyPolicyNamingTheUser_allowsWithoutIdentityPolicy() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(USER_ARN), "kms:Encrypt", null)));
        Decision d = decide(ANA, "kms:Encrypt", keyAndIdentity(keyPolicy));
        assertEquals(AllowedBy.KEY_POLICY, d.allowedBy());
        assertEquals(PrincipalMatch.DIRECT, d.matchedStatements().get(0).principalMatch());
    }

    @Test
    void keyPolicyNamingTheRole_allowsItsSession() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(ROLE_ARN), "kms:Sign", null)));
        Decision d = decide(SESSION, "kms:Sign", keyAndIdentity(keyPolicy));
        assertEquals(AllowedBy.KEY_POLICY, d.allowedBy());
        assertEquals(EvalDecision.IMPLICIT_DENY, decide(SESSION, "kms:Decrypt", keyAndIdentity(keyPolicy)).decision());
    }

    @Test
    void keyPolicyNamingTheRole_isCappedBySessionPolicy() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(ROLE_ARN), "kms:*", null)));
        Policy sessionPolicy = Policy.session("session", doc(allow(null, "kms:Sign", null)));
        ApplicablePolicies policies = new ApplicablePolicies(keyPolicy, List.of(), List.of(sessionPolicy));
        assertEquals(EvalDecision.ALLOWED, decide(SESSION, "kms:Sign", policies).decision());
        Decision d = decide(SESSION, "kms:GetPublicKey", policies);
        assertEquals(EvalDecision.IMPLICIT_DENY, d.decision());
        assertEquals(PolicyType.SESSION, d.deniedBy());
    }

    @Test
    void keyPolicyNamingTheSessionItself_isNotCappedBySessionPolicy() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(SESSION.arn()), "kms:*", null)));
        Policy sessionPolicy = Policy.session("session", doc(allow(null, "kms:Sign", null)));
        Decision d = decide(SESSION, "kms:Decrypt",
                new ApplicablePolicies(keyPolicy, List.of(), List.of(sessionPolicy)));
        assertEquals(AllowedBy.KEY_POLICY, d.allowedBy());
    }

    @Test
    void sessionThroughAccount_needsRoleIdentityPolicy_andSessionPolicy() {
        Policy roleIdentity = identity("role-policy", allow(null, "kms:*", null));
        Policy sessionPolicy = Policy.session("session", doc(allow(null, "kms:Sign", null)));
        ApplicablePolicies policies = new ApplicablePolicies(defaultKeyPolicy(), List.of(roleIdentity),
                List.of(sessionPolicy));
        assertEquals(AllowedBy.KEY_POLICY_AND_IDENTITY, decide(SESSION, "kms:Sign", policies).allowedBy());
        assertEquals(PolicyType.SESSION, decide(SESSION, "kms:Verify", policies).deniedBy());
        assertEquals(PolicyType.IDENTITY_BASED, decide(SESSION, "kms:Sign",
                new ApplicablePolicies(defaultKeyPolicy(), List.of(), List.of(sessionPolicy))).deniedBy());
    }

    @Test
    void root_isAllowedByTheDefaultKeyPolicy_withoutIdentityPolicies() {
        Decision d = decide(ROOT, "kms:PutKeyPolicy", keyAndIdentity(defaultKeyPolicy()));
        assertEquals(EvalDecision.ALLOWED, d.decision());
    }

    @Test
    void root_isLockedOut_byAKeyPolicyThatDoesNotNameTheAccount() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(USER_ARN), "kms:*", null)));
        assertEquals(PolicyType.RESOURCE_BASED, decide(ROOT, "kms:PutKeyPolicy", keyAndIdentity(keyPolicy)).deniedBy());
    }

    @Test
    void everyonePrincipal_withConditions_asInAwsManagedKeyPolicies() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow("{\"AWS\":\"*\"}", "kms:Decrypt", "\"Condition\":{"
                + "\"StringEquals\":{\"kms:ViaService\":\"ebs.us-west-2.amazonaws.com\","
                + "\"kms:CallerAccount\":\"111122223333\"}}")));
        ContextKeys direct = ContextKeys.builder().put("kms:CallerAccount", "111122223333").build();
        ContextKeys viaEbs = direct.toBuilder().put("kms:ViaService", "ebs.us-west-2.amazonaws.com").build();
        ApplicablePolicies policies = keyAndIdentity(keyPolicy);
        assertEquals(EvalDecision.IMPLICIT_DENY,
                authorizer.authorize(request(ANA, "kms:Decrypt", direct), policies, false).decision());
        assertEquals(EvalDecision.ALLOWED,
                authorizer.authorize(request(ANA, "kms:Decrypt", viaEbs), policies, false).decision());
    }

    @Test
    void keyPolicyCondition_onEncryptionContext() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(USER_ARN), "kms:GenerateDataKey",
                "\"Condition\":{\"StringEquals\":{\"kms:EncryptionContext:AppName\":\"ExampleApp\"}}")));
        ContextKeys right = ContextKeys.builder().put("kms:EncryptionContext:AppName", "ExampleApp").build();
        ContextKeys wrong = ContextKeys.builder().put("kms:EncryptionContext:AppName", "exampleapp").build();
        assertEquals(EvalDecision.ALLOWED, authorizer.authorize(request(ANA, "kms:GenerateDataKey", right),
                keyAndIdentity(keyPolicy), false).decision());
        assertEquals(EvalDecision.IMPLICIT_DENY, authorizer.authorize(request(ANA, "kms:GenerateDataKey", wrong),
                keyAndIdentity(keyPolicy), false).decision());
        assertEquals(EvalDecision.IMPLICIT_DENY, authorizer.authorize(request(ANA, "kms:GenerateDataKey"),
                keyAndIdentity(keyPolicy), false).decision());
    }

    @Test
    void actionNames_matchIgnoringCase() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(ROOT_ARN), "KMS:encrypt", null)));
        assertEquals(EvalDecision.ALLOWED, decide(ROOT, "kms:Encrypt", keyAndIdentity(keyPolicy)).decision());
    }

    @Test
    void unrelatedDeny_doesNotDeny() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(ROOT_ARN), "kms:*", null),
                deny(aws(ROOT_ARN), "kms:ScheduleKeyDeletion", null)));
        assertEquals(EvalDecision.ALLOWED, decide(ROOT, "kms:Encrypt", keyAndIdentity(keyPolicy)).decision());
        assertEquals(EvalDecision.EXPLICIT_DENY,
                decide(ROOT, "kms:ScheduleKeyDeletion", keyAndIdentity(keyPolicy)).decision());
    }

    @Test
    void keyPolicyStatementWithoutPrincipal_grantsNobody_identityStatementsIgnorePrincipal() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(null, "kms:*", null)));
        assertEquals(PolicyType.RESOURCE_BASED, decide(ANA, "kms:Encrypt", keyAndIdentity(keyPolicy)).deniedBy());
        Policy identityNamingOthers = identity("p", allow(aws("arn:aws:iam::111122223333:user/Other"), "kms:*", null));
        assertEquals(EvalDecision.ALLOWED, decide(ANA, "kms:Encrypt",
                keyAndIdentity(defaultKeyPolicy(), identityNamingOthers)).decision());
    }
}
