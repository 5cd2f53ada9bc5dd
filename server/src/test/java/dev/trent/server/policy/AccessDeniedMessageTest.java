package dev.trent.server.policy;

import static dev.trent.server.policy.Fixtures.ANA;
import static dev.trent.server.policy.Fixtures.KEY_ARN;
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
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.error.AccessDeniedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four message shapes AWS KMS gives (PROTOCOL.md, authorization refusals), character for character. */
class AccessDeniedMessageTest {

    private final KmsAuthorizer authorizer = new KmsAuthorizer();

    @Test
    void noIdentityPolicy() {
        Decision d = authorizer.authorize(request(ANA, "kms:Decrypt"), keyAndIdentity(defaultKeyPolicy()), false);
        assertEquals("User: arn:aws:iam::111122223333:user/Ana is not authorized to perform: kms:Decrypt on resource: "
                + KEY_ARN + " because no identity-based policy allows the kms:Decrypt action", d.accessDeniedMessage());
    }

    @Test
    void noResourcePolicy() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws("arn:aws:iam::111122223333:user/Admin"), "kms:*", null)));
        Decision d = authorizer.authorize(request(ANA, "kms:DescribeKey"), keyAndIdentity(keyPolicy), false);
        assertEquals("User: arn:aws:iam::111122223333:user/Ana is not authorized to perform: kms:DescribeKey on "
                + "resource: " + KEY_ARN + " because no resource-based policy allows the kms:DescribeKey action",
                d.accessDeniedMessage());
    }

    @Test
    void explicitDenyInResourcePolicy_forASession() {
        Policy keyPolicy = Policy.keyPolicy(doc(deny("\"*\"", "kms:Decrypt", null)));
        Decision d = authorizer.authorize(request(SESSION, "kms:Decrypt"), keyAndIdentity(keyPolicy), false);
        assertEquals("User: arn:aws:sts::111122223333:assumed-role/Signer/build-42 is not authorized to perform: "
                + "kms:Decrypt on resource: " + KEY_ARN + " with an explicit deny in a resource-based policy",
                d.accessDeniedMessage());
    }

    @Test
    void explicitDenyInIdentityPolicy() {
        Decision d = authorizer.authorize(request(ANA, "kms:Encrypt"), keyAndIdentity(
                Policy.keyPolicy(doc(allow(aws(USER_ARN), "kms:*", null))), identity("g", deny(null, "kms:*", null))),
                false);
        assertEquals("User: arn:aws:iam::111122223333:user/Ana is not authorized to perform: kms:Encrypt on resource: "
                + KEY_ARN + " with an explicit deny in an identity-based policy", d.accessDeniedMessage());
    }

    @Test
    void accountLevelAction_showsStarAsTheResource() {
        Decision d = authorizer.authorize(new AuthorizationRequest(SESSION, "kms:CreateKey",
                Resource.account("us-west-2", "111122223333"), ContextKeys.EMPTY, false),
                ApplicablePolicies.identityOnly(List.of(), null), false);
        assertEquals("User: arn:aws:sts::111122223333:assumed-role/Signer/build-42 is not authorized to perform: "
                + "kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action",
                d.accessDeniedMessage());
    }

    @Test
    void sessionPolicy_isNamedAsSuch() {
        Decision d = authorizer.authorize(request(SESSION, "kms:Sign"), new ApplicablePolicies(defaultKeyPolicy(),
                List.of(identity("p", allow(null, "kms:*", null))),
                List.of(Policy.session("s", doc(allow(null, "kms:Verify", null))))), false);
        assertEquals("User: arn:aws:sts::111122223333:assumed-role/Signer/build-42 is not authorized to perform: "
                + "kms:Sign on resource: " + KEY_ARN + " because no session policy allows the kms:Sign action",
                d.accessDeniedMessage());
    }

    @Test
    void orThrow_raisesKmsAccessDenied_withTheMessage_andPassesAllowed() {
        Decision denied = authorizer.authorize(request(ANA, "kms:Decrypt"), keyAndIdentity(defaultKeyPolicy()), false);
        AccessDeniedException e = assertThrows(AccessDeniedException.class, denied::orThrow);
        assertEquals(denied.accessDeniedMessage(), e.getMessage());
        assertEquals("AccessDeniedException", e.errorType());
        authorizer.authorize(request(ANA, "kms:Decrypt"), keyAndIdentity(defaultKeyPolicy()), true).orThrow();
    }
}
