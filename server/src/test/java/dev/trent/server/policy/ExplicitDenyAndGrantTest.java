package dev.trent.server.policy;

import static dev.trent.server.policy.Fixtures.ANA;
import static dev.trent.server.policy.Fixtures.ROLE_ARN;
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

/** An explicit deny anywhere wins over every allow, a grant's included; a grant allows what policies do not. */
class ExplicitDenyAndGrantTest {

    private final KmsAuthorizer authorizer = new KmsAuthorizer();
    private final Policy directKeyPolicy = Policy.keyPolicy(doc(allow(aws(USER_ARN), "kms:*", null)));

    @Test
    void denyInKeyPolicy_beatsDirectAllow() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(USER_ARN), "kms:*", null),
                deny(aws(USER_ARN), "kms:Decrypt", "\"Sid\":\"NoDecrypt\"")));
        Decision d = authorizer.authorize(request(ANA, "kms:Decrypt"), keyAndIdentity(keyPolicy), true);
        assertEquals(EvalDecision.EXPLICIT_DENY, d.decision());
        assertEquals(PolicyType.RESOURCE_BASED, d.deniedBy());
        assertEquals(List.of(new MatchedStatement("default", PolicyType.RESOURCE_BASED, 1, "NoDecrypt", Effect.Deny,
                PrincipalMatch.DIRECT)), d.matchedStatements());
    }

    @Test
    void denyInIdentityPolicy_beatsDirectKeyPolicyAllow() {
        Decision d = authorizer.authorize(request(ANA, "kms:Decrypt"),
                keyAndIdentity(directKeyPolicy, identity("guard", deny(null, "kms:Decrypt", null))), false);
        assertEquals(EvalDecision.EXPLICIT_DENY, d.decision());
        assertEquals(PolicyType.IDENTITY_BASED, d.deniedBy());
    }

    @Test
    void denyInSessionPolicy_beatsKeyPolicyNamingTheSession() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(SESSION.arn()), "kms:*", null)));
        Policy sessionPolicy = Policy.session("s", doc(deny(null, "kms:Sign", null)));
        Decision d = authorizer.authorize(request(SESSION, "kms:Sign"),
                new ApplicablePolicies(keyPolicy, List.of(), List.of(sessionPolicy)), false);
        assertEquals(PolicyType.SESSION, d.deniedBy());
        assertEquals(EvalDecision.EXPLICIT_DENY, d.decision());
    }

    @Test
    void denyNamingTheAccount_coversItsUsersAndSessions() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(ROLE_ARN), "kms:*", null), allow(aws(USER_ARN), "kms:*",
                null), deny(aws("111122223333"), "kms:Disable*", null)));
        assertEquals(EvalDecision.EXPLICIT_DENY, authorizer.authorize(request(ANA, "kms:DisableKey"),
                keyAndIdentity(keyPolicy), false).decision());
        assertEquals(EvalDecision.EXPLICIT_DENY, authorizer.authorize(request(SESSION, "kms:DisableKeyRotation"),
                keyAndIdentity(keyPolicy), false).decision());
    }

    @Test
    void denyNamingTheRole_coversItsSessions() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(SESSION.arn()), "kms:*", null),
                deny(aws(ROLE_ARN), "kms:Sign", null)));
        assertEquals(EvalDecision.EXPLICIT_DENY, authorizer.authorize(request(SESSION, "kms:Sign"),
                keyAndIdentity(keyPolicy), false).decision());
    }

    @Test
    void conditionalDeny_appliesOnlyWhenItsConditionHolds() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(USER_ARN), "kms:*", null), deny(aws(USER_ARN), "kms:*",
                "\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}")));
        ContextKeys inside = ContextKeys.builder().put("aws:SourceIp", "10.1.2.3").build();
        ContextKeys outside = ContextKeys.builder().put("aws:SourceIp", "192.0.2.1").build();
        assertEquals(EvalDecision.ALLOWED, authorizer.authorize(request(ANA, "kms:Encrypt", inside),
                keyAndIdentity(keyPolicy), false).decision());
        assertEquals(EvalDecision.EXPLICIT_DENY, authorizer.authorize(request(ANA, "kms:Encrypt", outside),
                keyAndIdentity(keyPolicy), false).decision());
    }

    @Test
    void grant_allowsWhatPoliciesDoNot() {
        Decision d = authorizer.authorize(request(ANA, "kms:Decrypt"), keyAndIdentity(defaultKeyPolicy()), true);
        assertEquals(EvalDecision.ALLOWED, d.decision());
        assertEquals(AllowedBy.GRANT, d.allowedBy());
    }

    @Test
    void grant_allowsEvenWhenTheKeyPolicyIgnoresTheCaller() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws("arn:aws:iam::111122223333:user/Admin"), "kms:*", null)));
        assertEquals(AllowedBy.GRANT, authorizer.authorize(request(ANA, "kms:Decrypt"), keyAndIdentity(keyPolicy),
                true).allowedBy());
    }

    @Test
    void grant_cannotOverrideAnExplicitDeny() {
        Decision d = authorizer.authorize(request(ANA, "kms:Decrypt"),
                keyAndIdentity(defaultKeyPolicy(), identity("guard", deny(null, "kms:*", null))), true);
        assertEquals(EvalDecision.EXPLICIT_DENY, d.decision());
    }
}
