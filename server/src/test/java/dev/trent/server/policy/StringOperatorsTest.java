package dev.trent.server.policy;

import static dev.trent.server.policy.Conditions.holds;
import static dev.trent.server.policy.Conditions.with;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StringOperatorsTest {

    private static final String KEY = "kms:EncryptionContext:Department";

    @Test
    void stringEquals_isCaseSensitive() {
        assertTrue(holds("StringEquals", KEY, List.of("Finance"), with(KEY, "Finance")));
        assertFalse(holds("StringEquals", KEY, List.of("Finance"), with(KEY, "finance")));
    }

    @Test
    void stringEquals_severalPolicyValues_areAlternatives() {
        assertTrue(holds("StringEquals", KEY, List.of("HR", "Finance"), with(KEY, "Finance")));
        assertFalse(holds("StringEquals", KEY, List.of("HR", "Legal"), with(KEY, "Finance")));
    }

    @Test
    void stringEquals_absentKey_isFalse() {
        assertFalse(holds("StringEquals", KEY, List.of("Finance"), ContextKeys.EMPTY));
    }

    @Test
    void stringNotEquals_severalValues_mustMatchNone() {
        assertTrue(holds("StringNotEquals", KEY, List.of("HR", "Legal"), with(KEY, "Finance")));
        assertFalse(holds("StringNotEquals", KEY, List.of("HR", "Finance"), with(KEY, "Finance")));
    }

    @Test
    void stringNotEquals_absentKey_isTrue() {
        assertTrue(holds("StringNotEquals", KEY, List.of("Finance"), ContextKeys.EMPTY));
    }

    @Test
    void stringEqualsIgnoreCase_andItsNegation() {
        assertTrue(holds("StringEqualsIgnoreCase", KEY, List.of("FINANCE"), with(KEY, "finance")));
        assertFalse(holds("StringEqualsIgnoreCase", KEY, List.of("HR"), with(KEY, "finance")));
        assertFalse(holds("StringNotEqualsIgnoreCase", KEY, List.of("FINANCE"), with(KEY, "finance")));
        assertTrue(holds("StringNotEqualsIgnoreCase", KEY, List.of("HR"), with(KEY, "finance")));
    }

    @Test
    void stringLike_wildcards_caseSensitive() {
        assertTrue(holds("StringLike", KEY, List.of("Fin*"), with(KEY, "Finance")));
        assertTrue(holds("StringLike", KEY, List.of("F?nance"), with(KEY, "Finance")));
        assertFalse(holds("StringLike", KEY, List.of("fin*"), with(KEY, "Finance")));
        assertFalse(holds("StringLike", KEY, List.of("Fin"), with(KEY, "Finance")));
    }

    @Test
    void stringNotLike_trueOnlyWhenNoPatternMatches() {
        assertTrue(holds("StringNotLike", KEY, List.of("HR*", "Legal*"), with(KEY, "Finance")));
        assertFalse(holds("StringNotLike", KEY, List.of("HR*", "Fin*"), with(KEY, "Finance")));
        assertTrue(holds("StringNotLike", KEY, List.of("Fin*"), ContextKeys.EMPTY));
    }

    @Test
    void conditionKeyName_ignoresCase_valueDoesNot() {
        ContextKeys context = with("kms:encryptioncontext:department", "Finance");
        assertTrue(holds("StringEquals", "KMS:EncryptionContext:DEPARTMENT", List.of("Finance"), context));
        assertFalse(holds("StringEquals", "KMS:EncryptionContext:DEPARTMENT", List.of("FINANCE"), context));
    }

    @Test
    void operatorName_ignoresCase() {
        assertTrue(holds("stringequals", KEY, List.of("Finance"), with(KEY, "Finance")));
    }

    @Test
    void policyVariable_inStringValue_isSubstituted() {
        ContextKeys context = ContextKeys.builder().put("aws:username", "Ana").put(KEY, "team-Ana").build();
        assertTrue(holds("StringEquals", KEY, List.of("team-${aws:username}"), context));
        assertFalse(holds("StringEquals", KEY, List.of("team-${aws:username}"), with(KEY, "team-Ana")));
    }
}
