package dev.trent.server.policy;

import static dev.trent.server.policy.Fixtures.ACCOUNT;
import static dev.trent.server.policy.Fixtures.ANA;
import static dev.trent.server.policy.Fixtures.BOB_ELSEWHERE;
import static dev.trent.server.policy.Fixtures.KEY_ARN;
import static dev.trent.server.policy.Fixtures.REGION;
import static dev.trent.server.policy.Fixtures.ROOT;
import static dev.trent.server.policy.Fixtures.ROOT_ARN;
import static dev.trent.server.policy.Fixtures.allow;
import static dev.trent.server.policy.Fixtures.aws;
import static dev.trent.server.policy.Fixtures.doc;
import static dev.trent.server.policy.Fixtures.identity;
import static dev.trent.server.policy.Fixtures.keyAndIdentity;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrossAccountAndAccountLevelTest {

    private final KmsAuthorizer authorizer = new KmsAuthorizer();
    private final Policy sharedWithOtherAccount = Policy.keyPolicy(doc(allow(aws(ROOT_ARN), "kms:*", null),
            allow(aws("arn:aws:iam::444455556666:root"), "kms:Decrypt", null)));
    private final Policy bobMayDecryptThatKey = identity("use-partner-key",
            Fixtures.stmt("\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"" + KEY_ARN + "\""));

    private Decision decide(PolicyPrincipal who, String action, boolean crossAccountUse, ApplicablePolicies policies) {
        return authorizer.authorize(new AuthorizationRequest(who, action, Resource.of(KEY_ARN), ContextKeys.EMPTY,
                crossAccountUse), policies, false);
    }

    @Test
    void otherAccount_keyPolicyNamesTheAccount_andIdentityAllows() {
        Decision d = decide(BOB_ELSEWHERE, "kms:Decrypt", true, keyAndIdentity(sharedWithOtherAccount,
                bobMayDecryptThatKey));
        assertEquals(AllowedBy.KEY_POLICY_AND_IDENTITY, d.allowedBy());
    }

    @Test
    void otherAccount_withoutIdentityPolicy_isDeniedByIdentity() {
        assertEquals(PolicyType.IDENTITY_BASED,
                decide(BOB_ELSEWHERE, "kms:Decrypt", true, keyAndIdentity(sharedWithOtherAccount)).deniedBy());
    }

    @Test
    void otherAccount_actionTheKeyPolicyDoesNotShare_isDeniedByResource() {
        Policy bobMayEncrypt = identity("p", allow(null, "kms:Encrypt", null));
        assertEquals(PolicyType.RESOURCE_BASED, decide(BOB_ELSEWHERE, "kms:Encrypt", true,
                keyAndIdentity(sharedWithOtherAccount, bobMayEncrypt)).deniedBy());
    }

    @Test
    void otherAccount_namedDirectly_stillNeedsItsIdentityPolicy() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(BOB_ELSEWHERE.arn()), "kms:Decrypt", null)));
        assertEquals(PolicyType.IDENTITY_BASED,
                decide(BOB_ELSEWHERE, "kms:Decrypt", true, keyAndIdentity(keyPolicy)).deniedBy());
        assertEquals(EvalDecision.ALLOWED,
                decide(BOB_ELSEWHERE, "kms:Decrypt", true, keyAndIdentity(keyPolicy, bobMayDecryptThatKey)).decision());
    }

    @Test
    void otherAccount_actionWithoutCrossAccountUse_isNeverAllowed() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws("444455556666"), "kms:*", null)));
        Policy bobMayAll = identity("p", allow(null, "kms:*", null));
        assertEquals(PolicyType.RESOURCE_BASED, decide(BOB_ELSEWHERE, "kms:ScheduleKeyDeletion", false,
                keyAndIdentity(keyPolicy, bobMayAll)).deniedBy());
    }

    @Test
    void otherAccountRoot_isNotTheKeyAccountsRoot() {
        PolicyPrincipal otherRoot = PolicyPrincipal.root("444455556666");
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(ROOT_ARN), "kms:*", null)));
        assertEquals(PolicyType.RESOURCE_BASED,
                decide(otherRoot, "kms:Decrypt", true, keyAndIdentity(keyPolicy)).deniedBy());
    }

    @Test
    void otherAccountRoot_needsNoIdentityPolicy_whenTheKeyPolicyNamesItsAccount() {
        PolicyPrincipal otherRoot = PolicyPrincipal.root("444455556666");
        assertEquals(AllowedBy.KEY_POLICY_AND_IDENTITY,
                decide(otherRoot, "kms:Decrypt", true, keyAndIdentity(sharedWithOtherAccount)).allowedBy());
        assertEquals(PolicyType.RESOURCE_BASED,
                decide(otherRoot, "kms:Encrypt", true, keyAndIdentity(sharedWithOtherAccount)).deniedBy());
    }

    private Decision accountLevel(PolicyPrincipal who, String action, Policy... identity) {
        return authorizer.authorize(new AuthorizationRequest(who, action, Resource.account(REGION, who.account()),
                ContextKeys.EMPTY, false), ApplicablePolicies.identityOnly(List.of(identity), null), false);
    }

    @Test
    void accountLevelAction_identityPolicyAlone_decides() {
        assertEquals(AllowedBy.IDENTITY, accountLevel(ANA, "kms:CreateKey",
                identity("p", allow(null, "kms:Create*", null))).allowedBy());
        assertEquals(PolicyType.IDENTITY_BASED, accountLevel(ANA, "kms:ListKeys",
                identity("p", allow(null, "kms:Create*", null))).deniedBy());
    }

    @Test
    void accountLevelAction_resourceMayNameTheAccountAndRegion() {
        Policy p = identity("p", Fixtures.stmt("\"Effect\":\"Allow\",\"Action\":\"kms:CreateKey\","
                + "\"Resource\":\"arn:aws:kms:us-west-2:" + ACCOUNT + ":*\""));
        Policy keysOnly = identity("q", Fixtures.stmt("\"Effect\":\"Allow\",\"Action\":\"kms:CreateKey\","
                + "\"Resource\":\"arn:aws:kms:*:" + ACCOUNT + ":key/*\""));
        assertEquals(EvalDecision.ALLOWED, accountLevel(ANA, "kms:CreateKey", p).decision());
        assertEquals(EvalDecision.IMPLICIT_DENY, accountLevel(ANA, "kms:CreateKey", keysOnly).decision());
    }

    @Test
    void accountLevelAction_rootNeedsNoPolicy_sessionIsCapped() {
        assertEquals(EvalDecision.ALLOWED, accountLevel(ROOT, "kms:ListAliases").decision());
        Policy roleIdentity = identity("p", allow(null, "kms:*", null));
        Decision capped = authorizer.authorize(new AuthorizationRequest(Fixtures.SESSION, "kms:ListKeys",
                Resource.account(REGION, ACCOUNT), ContextKeys.EMPTY, false),
                ApplicablePolicies.identityOnly(List.of(roleIdentity),
                        List.of(Policy.session("s", doc(allow(null, "kms:Sign", null))))), false);
        assertEquals(PolicyType.SESSION, capped.deniedBy());
    }
}
