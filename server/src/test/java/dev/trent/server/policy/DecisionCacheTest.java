package dev.trent.server.policy;

import static dev.trent.server.policy.Fixtures.ANA;
import static dev.trent.server.policy.Fixtures.USER_ARN;
import static dev.trent.server.policy.Fixtures.allow;
import static dev.trent.server.policy.Fixtures.aws;
import static dev.trent.server.policy.Fixtures.defaultKeyPolicy;
import static dev.trent.server.policy.Fixtures.doc;
import static dev.trent.server.policy.Fixtures.identity;
import static dev.trent.server.policy.Fixtures.keyAndIdentity;
import static dev.trent.server.policy.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DecisionCacheTest {

    private final AtomicInteger evaluations = new AtomicInteger();
    private final KmsAuthorizer evaluator = new KmsAuthorizer();
    /** Counts real evaluations, so a test can tell a remembered answer from a fresh one. */
    private final DecisionCache cache = new DecisionCache((request, policies, grantAllows) -> {
        evaluations.incrementAndGet();
        return evaluator.authorize(request, policies, grantAllows);
    }, 100);

    private final ContextKeys ec = ContextKeys.builder().put("kms:EncryptionContext:Dept", "IT")
            .put("aws:CurrentTime", "2026-12-03T17:00:00Z").build();

    @Test
    void sameQuestion_isEvaluatedOnce() {
        ApplicablePolicies policies = keyAndIdentity(defaultKeyPolicy(), identity("p", allow(null, "kms:*", null)));
        Decision first = cache.authorize(request(ANA, "kms:Encrypt", ec), policies, false);
        Decision second = cache.authorize(request(ANA, "kms:Encrypt", ec), policies, false);
        assertSame(first, second);
        assertEquals(1, evaluations.get());
    }

    @Test
    void contextValuesNoPolicyReads_doNotSplitTheCache() {
        ApplicablePolicies policies = keyAndIdentity(defaultKeyPolicy(), identity("p", allow(null, "kms:*", null)));
        cache.authorize(request(ANA, "kms:Encrypt", ec), policies, false);
        ContextKeys later = ec.toBuilder().put("aws:CurrentTime", "2026-12-03T18:00:00Z")
                .put("kms:EncryptionContext:Dept", "HR").build();
        cache.authorize(request(ANA, "kms:Encrypt", later), policies, false);
        assertEquals(1, evaluations.get());
        assertEquals(1, cache.size());
    }

    @Test
    void contextValuesAPolicyReads_areEvaluatedEach() {
        Policy keyPolicy = Policy.keyPolicy(doc(allow(aws(USER_ARN), "kms:Encrypt",
                "\"Condition\":{\"StringEquals\":{\"kms:EncryptionContext:Dept\":\"IT\"}}")));
        ApplicablePolicies policies = keyAndIdentity(keyPolicy);
        ContextKeys hr = ec.toBuilder().put("kms:EncryptionContext:Dept", "HR").build();
        assertEquals(EvalDecision.ALLOWED, cache.authorize(request(ANA, "kms:Encrypt", ec), policies, false)
                .decision());
        assertEquals(EvalDecision.IMPLICIT_DENY, cache.authorize(request(ANA, "kms:Encrypt", hr), policies, false)
                .decision());
        assertEquals(2, evaluations.get());
    }

    @Test
    void changedPolicy_isEvaluatedAfresh() {
        ApplicablePolicies before = keyAndIdentity(defaultKeyPolicy(), identity("p", allow(null, "kms:*", null)));
        assertEquals(EvalDecision.ALLOWED, cache.authorize(request(ANA, "kms:Encrypt"), before, false).decision());
        ApplicablePolicies after = keyAndIdentity(defaultKeyPolicy(), identity("p", allow(null, "kms:Decrypt", null)));
        assertEquals(EvalDecision.IMPLICIT_DENY, cache.authorize(request(ANA, "kms:Encrypt"), after, false).decision());
        ApplicablePolicies newKeyPolicy = keyAndIdentity(Policy.keyPolicy(doc(allow(aws("444455556666"), "kms:*",
                null))), identity("p", allow(null, "kms:*", null)));
        assertEquals(PolicyType.RESOURCE_BASED, cache.authorize(request(ANA, "kms:Encrypt"), newKeyPolicy, false)
                .deniedBy());
        assertEquals(3, evaluations.get());
    }

    @Test
    void grantVerdict_actionAndPrincipal_arePartOfTheQuestion() {
        ApplicablePolicies policies = keyAndIdentity(defaultKeyPolicy());
        assertEquals(EvalDecision.IMPLICIT_DENY, cache.authorize(request(ANA, "kms:Decrypt"), policies, false)
                .decision());
        assertEquals(EvalDecision.ALLOWED, cache.authorize(request(ANA, "kms:Decrypt"), policies, true).decision());
        cache.authorize(request(ANA, "kms:Encrypt"), policies, false);
        cache.authorize(request(Fixtures.SESSION, "kms:Encrypt"), policies, false);
        assertEquals(4, evaluations.get());
    }

    @Test
    void full_cacheEmptiesAndKeepsAnswering() {
        DecisionCache small = new DecisionCache(new KmsAuthorizer(), 2);
        ApplicablePolicies policies = keyAndIdentity(defaultKeyPolicy());
        for (String action : new String[] {"kms:Encrypt", "kms:Decrypt", "kms:Sign", "kms:Verify"}) {
            assertEquals(EvalDecision.IMPLICIT_DENY, small.authorize(request(ANA, action), policies, false).decision());
        }
        assertEquals(2, small.size());
        small.clear();
        assertEquals(0, small.size());
    }

    @Test
    void parsedDocuments_areSharedByText() {
        PolicyDocuments documents = new PolicyDocuments(10);
        String text = "{\"Statement\":[]}";
        assertSame(documents.get(text), documents.get(text));
    }
}
