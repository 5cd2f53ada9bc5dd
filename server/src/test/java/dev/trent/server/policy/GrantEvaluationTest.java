package dev.trent.server.policy;

import static dev.trent.server.policy.Fixtures.ANA;
import static dev.trent.server.policy.Fixtures.ROLE_ARN;
import static dev.trent.server.policy.Fixtures.ROOT;
import static dev.trent.server.policy.Fixtures.SESSION;
import static dev.trent.server.policy.Fixtures.USER_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.key.Grant;
import dev.trent.server.key.GrantOperation;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrantEvaluationTest {

    private static final Scope SCOPE = new Scope(Fixtures.ACCOUNT, Fixtures.REGION);
    private static final KeyId KEY = KeyId.random();

    private static Grant grant(String grantee, String retiring, Grant.Constraints constraints,
            GrantOperation... operations) {
        return new Grant(SCOPE, KEY, "g-" + grantee.hashCode(), null, Instant.EPOCH, grantee, null, retiring, null,
                List.of(operations), constraints);
    }

    private static Grant.Constraints subset(Map<String, String> pairs) {
        return new Grant.Constraints(pairs, null, null);
    }

    private static Grant.Constraints equalsTo(Map<String, String> pairs) {
        return new Grant.Constraints(null, pairs, null);
    }

    @Test
    void granteeAndListedOperation_allow() {
        Grant g = grant(USER_ARN, null, null, GrantOperation.Decrypt);
        assertEquals(Optional.of(g), GrantEvaluation.allowing(List.of(g), ANA, "kms:Decrypt", Map.of()));
        assertEquals(Optional.empty(), GrantEvaluation.allowing(List.of(g), ANA, "kms:Encrypt", Map.of()));
        assertEquals(Optional.empty(), GrantEvaluation.allowing(List.of(g), SESSION, "kms:Decrypt", Map.of()));
        assertEquals(Optional.empty(), GrantEvaluation.allowing(List.of(g), ANA, "kms:ScheduleKeyDeletion", Map.of()));
    }

    @Test
    void grantToARole_appliesToItsSessions() {
        Grant g = grant(ROLE_ARN, null, null, GrantOperation.Sign);
        assertTrue(GrantEvaluation.allowing(List.of(g), SESSION, "kms:Sign", Map.of()).isPresent());
    }

    @Test
    void reEncryptHalves_areSeparateOperations() {
        Grant g = grant(USER_ARN, null, null, GrantOperation.ReEncryptFrom);
        assertTrue(GrantEvaluation.allowing(List.of(g), ANA, "kms:ReEncryptFrom", Map.of()).isPresent());
        assertFalse(GrantEvaluation.allowing(List.of(g), ANA, "kms:ReEncryptTo", Map.of()).isPresent());
    }

    @Test
    void encryptionContextEquals_exactCaseSensitiveMatch() {
        Grant g = grant(USER_ARN, null, equalsTo(Map.of("Department", "IT")), GrantOperation.Decrypt);
        assertTrue(GrantEvaluation.allowing(List.of(g), ANA, "kms:Decrypt", Map.of("Department", "IT")).isPresent());
        assertFalse(GrantEvaluation.allowing(List.of(g), ANA, "kms:Decrypt", Map.of("Department", "it")).isPresent());
        assertFalse(GrantEvaluation.allowing(List.of(g), ANA, "kms:Decrypt", Map.of("department", "IT")).isPresent());
        assertFalse(GrantEvaluation.allowing(List.of(g), ANA, "kms:Decrypt",
                Map.of("Department", "IT", "Purpose", "Test")).isPresent());
        assertFalse(GrantEvaluation.allowing(List.of(g), ANA, "kms:Decrypt", Map.of()).isPresent());
    }

    @Test
    void encryptionContextSubset_extraPairsAllowed() {
        Grant g = grant(USER_ARN, null, subset(Map.of("Department", "IT")), GrantOperation.Decrypt);
        assertTrue(GrantEvaluation.allowing(List.of(g), ANA, "kms:Decrypt",
                Map.of("Department", "IT", "Purpose", "Test")).isPresent());
        assertFalse(GrantEvaluation.allowing(List.of(g), ANA, "kms:Decrypt", Map.of("Purpose", "Test")).isPresent());
    }

    @Test
    void constraints_doNotRestrictDescribeKey() {
        Grant g = grant(USER_ARN, null, equalsTo(Map.of("Department", "IT")), GrantOperation.DescribeKey);
        assertTrue(GrantEvaluation.allowing(List.of(g), ANA, "kms:DescribeKey", Map.of()).isPresent());
    }

    @Test
    void childGrant_subsetOfOperations_andConstraintAtLeastAsStrict() {
        Grant parent = grant(USER_ARN, null, subset(Map.of("Dept", "IT")), GrantOperation.Decrypt,
                GrantOperation.CreateGrant);
        List<GrantOperation> decrypt = List.of(GrantOperation.Decrypt);
        assertTrue(GrantEvaluation.allowsChildGrant(parent, ANA, decrypt,
                subset(Map.of("Dept", "IT", "App", "x"))));
        assertTrue(GrantEvaluation.allowsChildGrant(parent, ANA, decrypt, equalsTo(Map.of("Dept", "IT"))));
        assertFalse(GrantEvaluation.allowsChildGrant(parent, ANA, decrypt, null));
        assertFalse(GrantEvaluation.allowsChildGrant(parent, ANA, List.of(GrantOperation.Encrypt),
                subset(Map.of("Dept", "IT"))));
        Grant strict = grant(USER_ARN, null, equalsTo(Map.of("Dept", "IT")), GrantOperation.CreateGrant,
                GrantOperation.Decrypt);
        assertFalse(GrantEvaluation.allowsChildGrant(strict, ANA, decrypt, subset(Map.of("Dept", "IT"))));
        assertTrue(GrantEvaluation.allowsChildGrant(strict, ANA, decrypt, equalsTo(Map.of("Dept", "IT"))));
        Grant noCreate = grant(USER_ARN, null, null, GrantOperation.Decrypt);
        assertFalse(GrantEvaluation.allowsChildGrant(noCreate, ANA, decrypt, null));
    }

    @Test
    void retiring_byRetiringPrincipal_granteeWithRetireGrant_orAccountRoot() {
        Grant g = grant(USER_ARN, ROLE_ARN, null, GrantOperation.Decrypt);
        assertTrue(GrantEvaluation.mayRetire(g, SESSION));
        assertFalse(GrantEvaluation.mayRetire(g, ANA));
        assertTrue(GrantEvaluation.mayRetire(g, ROOT));
        assertFalse(GrantEvaluation.mayRetire(g, PolicyPrincipal.root(Fixtures.OTHER_ACCOUNT)));
        Grant selfRetiring = grant(USER_ARN, null, null, GrantOperation.Decrypt, GrantOperation.RetireGrant);
        assertTrue(GrantEvaluation.mayRetire(selfRetiring, ANA));
    }
}
