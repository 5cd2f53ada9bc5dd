package dev.trent.server.policy;

import static dev.trent.server.policy.Fixtures.ACCOUNT;
import static dev.trent.server.policy.Fixtures.KEY_ARN;
import static dev.trent.server.policy.Fixtures.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The least-privilege walk-through the project's runbook describes, at the level of this library: a user who may
 * only assume a signing role, the role's identity policy allowing kms:GetPublicKey and kms:Sign, and a key policy
 * that keeps the account root statement and names the role.
 */
class RunbookScenarioTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/release-signer";
    private static final PolicyPrincipal USER = PolicyPrincipal.user(ACCOUNT,
            "arn:aws:iam::111122223333:user/release-bot", "AIDARELEASEBOT", Map.of());
    private static final PolicyPrincipal SESSION = PolicyPrincipal.session(ACCOUNT, ROLE, "ci", "AROASIGNER:ci",
            Map.of());
    private static final KeyFacts KEY = new KeyFacts(KEY_ARN, "ECC_NIST_P256", "SIGN_VERIFY", "AWS_KMS", false, null,
            Map.of(), List.of("alias/release"));

    private final Policy keyPolicy = Policy.keyPolicy(PolicyDocument.parse("""
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Enable IAM User Permissions","Effect":"Allow",
               "Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
              {"Sid":"Signing role","Effect":"Allow",
               "Principal":{"AWS":"arn:aws:iam::111122223333:role/release-signer"},
               "Action":["kms:GetPublicKey","kms:Sign"],"Resource":"*"}]}"""));
    private final Policy userPolicy = Policy.identity("assume-signer", PolicyDocument.parse("""
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole",
             "Resource":"arn:aws:iam::111122223333:role/release-signer"}}"""));
    private final Policy rolePolicy = Policy.identity("sign", PolicyDocument.parse("""
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["kms:GetPublicKey","kms:Sign"],
             "Resource":"arn:aws:kms:us-west-2:111122223333:key/*"}}"""));
    private final Authorizer authorizer = new DecisionCache(new KmsAuthorizer(), 64);

    private Decision call(PolicyPrincipal who, String operation, Policy identity) {
        CallerFacts caller = new CallerFacts(who, REGION, "127.0.0.1", Instant.parse("2026-12-03T17:00:00Z"), false,
                null);
        PermissionCheck check = KmsRequestContext.checks(operation, Map.of("KeyId", "alias/release",
                "SigningAlgorithm", "ECDSA_SHA_256", "Message", "ZGlnZXN0"), Map.of(PermissionTarget.KEY, KEY), caller)
                .get(0);
        return authorizer.authorize(check.request(), new ApplicablePolicies(keyPolicy, List.of(identity), null), false);
    }

    @Test
    void roleSession_maySignAndGetThePublicKey() {
        assertEquals(EvalDecision.ALLOWED, call(SESSION, "Sign", rolePolicy).decision());
        assertEquals(EvalDecision.ALLOWED, call(SESSION, "GetPublicKey", rolePolicy).decision());
    }

    @Test
    void roleSession_mayNotVerify() {
        Decision d = call(SESSION, "Verify", rolePolicy);
        assertEquals("User: arn:aws:sts::111122223333:assumed-role/release-signer/ci is not authorized to perform: "
                + "kms:Verify on resource: " + KEY_ARN + " because no identity-based policy allows the kms:Verify "
                + "action", d.accessDeniedMessage());
    }

    @Test
    void userWithItsOwnCredentials_isRefused() {
        Decision d = call(USER, "Sign", userPolicy);
        assertEquals("User: arn:aws:iam::111122223333:user/release-bot is not authorized to perform: kms:Sign on "
                + "resource: " + KEY_ARN + " because no identity-based policy allows the kms:Sign action",
                d.accessDeniedMessage());
    }

    /** SimulatePrincipalPolicy weighs the role's identity policies alone: Sign allowed, Decrypt implicitDeny. */
    @Test
    void simulatingTheRole_allowedForSign_implicitDenyForDecrypt() {
        PolicyPrincipal role = PolicyPrincipal.session(ACCOUNT, ROLE, "simulation", "AROASIGNER", Map.of());
        ApplicablePolicies identityOnly = ApplicablePolicies.identityOnly(List.of(rolePolicy), null);
        Decision sign = authorizer.authorize(new AuthorizationRequest(role, "kms:Sign", Resource.of(KEY_ARN),
                ContextKeys.EMPTY, true), identityOnly, false);
        Decision decrypt = authorizer.authorize(new AuthorizationRequest(role, "kms:Decrypt", Resource.of(KEY_ARN),
                ContextKeys.EMPTY, true), identityOnly, false);
        assertEquals("allowed", sign.decision().wireName());
        assertEquals(List.of(new MatchedStatement("sign", PolicyType.IDENTITY_BASED, 0, null, Effect.Allow,
                PrincipalMatch.DIRECT)), sign.matchedStatements());
        assertEquals("implicitDeny", decrypt.decision().wireName());
    }
}
