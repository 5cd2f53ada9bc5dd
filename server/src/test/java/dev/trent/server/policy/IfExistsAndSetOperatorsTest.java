package dev.trent.server.policy;

import static dev.trent.server.policy.Conditions.holds;
import static dev.trent.server.policy.Conditions.with;
import static dev.trent.server.policy.Conditions.withAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** IfExists and the ForAnyValue/ForAllValues set operators, with AWS's rules for absent and empty keys. */
class IfExistsAndSetOperatorsTest {

    private static final String KEYS = "kms:EncryptionContextKeys";
    private static final List<String> ALLOWED = List.of("AppName", "Project");

    @Test
    void ifExists_absentKey_passes_presentKey_isTested() {
        assertTrue(holds("StringEqualsIfExists", "kms:ViaService", List.of("s3.us-west-2.amazonaws.com"),
                ContextKeys.EMPTY));
        assertTrue(holds("StringEqualsIfExists", "kms:ViaService", List.of("s3.us-west-2.amazonaws.com"),
                with("kms:ViaService", "s3.us-west-2.amazonaws.com")));
        assertFalse(holds("StringEqualsIfExists", "kms:ViaService", List.of("s3.us-west-2.amazonaws.com"),
                with("kms:ViaService", "ec2.us-west-2.amazonaws.com")));
    }

    @Test
    void negatedIfExists_absentKey_passes_presentMatch_fails() {
        assertTrue(holds("StringNotEqualsIfExists", "aws:PrincipalTag/team", List.of("red"), ContextKeys.EMPTY));
        assertFalse(holds("StringNotEqualsIfExists", "aws:PrincipalTag/team", List.of("red"),
                with("aws:PrincipalTag/team", "red")));
    }

    @Test
    void forAnyValue_oneRequestValueInPolicy_suffices() {
        assertTrue(holds("ForAnyValue:StringEquals", KEYS, ALLOWED, withAll(KEYS, "AppName", "Other")));
        assertFalse(holds("ForAnyValue:StringEquals", KEYS, ALLOWED, withAll(KEYS, "Other", "More")));
    }

    @Test
    void forAnyValue_absentKey_isFalse_evenWhenNegated() {
        assertFalse(holds("ForAnyValue:StringEquals", KEYS, ALLOWED, ContextKeys.EMPTY));
        assertFalse(holds("ForAnyValue:StringNotEquals", KEYS, ALLOWED, ContextKeys.EMPTY));
    }

    @Test
    void forAllValues_everyRequestValueInPolicy() {
        assertTrue(holds("ForAllValues:StringEquals", KEYS, ALLOWED, withAll(KEYS, "AppName", "Project")));
        assertTrue(holds("ForAllValues:StringEquals", KEYS, ALLOWED, withAll(KEYS, "Project")));
        assertFalse(holds("ForAllValues:StringEquals", KEYS, ALLOWED, withAll(KEYS, "AppName", "Other")));
    }

    @Test
    void forAllValues_absentOrEmptyKey_isTrue_evenWhenNegated() {
        assertTrue(holds("ForAllValues:StringEquals", KEYS, ALLOWED, ContextKeys.EMPTY));
        assertTrue(holds("ForAllValues:StringEquals", KEYS, ALLOWED,
                ContextKeys.builder().putAll(KEYS, List.of()).build()));
        assertTrue(holds("ForAllValues:StringNotEquals", KEYS, ALLOWED, ContextKeys.EMPTY));
    }

    @Test
    void forAnyValue_negated_someRequestValueOutsidePolicy() {
        assertTrue(holds("ForAnyValue:StringNotEquals", KEYS, ALLOWED, withAll(KEYS, "AppName", "Other")));
        assertFalse(holds("ForAnyValue:StringNotEquals", KEYS, ALLOWED, withAll(KEYS, "AppName", "Project")));
    }

    @Test
    void forAllValues_negated_noRequestValueInPolicy() {
        assertTrue(holds("ForAllValues:StringNotEquals", KEYS, ALLOWED, withAll(KEYS, "Other", "More")));
        assertFalse(holds("ForAllValues:StringNotEquals", KEYS, ALLOWED, withAll(KEYS, "Other", "AppName")));
    }

    @Test
    void setOperators_withLike_andIfExists() {
        assertTrue(holds("ForAllValues:StringLike", KEYS, List.of("App*"), withAll(KEYS, "AppName", "AppId")));
        assertFalse(holds("ForAllValues:StringLike", KEYS, List.of("App*"), withAll(KEYS, "AppName", "Id")));
        assertTrue(holds("ForAnyValue:StringLikeIfExists", KEYS, List.of("App*"), ContextKeys.EMPTY));
    }

    @Test
    void unqualifiedOperator_onMultivaluedKey_anyValueMatches() {
        assertTrue(holds("StringEquals", KEYS, List.of("Project"), withAll(KEYS, "AppName", "Project")));
        assertFalse(holds("StringNotEquals", KEYS, List.of("Project"), withAll(KEYS, "AppName", "Project")));
    }
}
