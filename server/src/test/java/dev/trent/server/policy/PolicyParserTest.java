package dev.trent.server.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    @Test
    void statementAsSingleObject() {
        PolicyDocument doc = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Id\":\"p1\",\"Statement\":"
                + "{\"Sid\":\"One\",\"Effect\":\"Allow\",\"Action\":\"kms:Encrypt\",\"Resource\":\"*\"}}");
        assertEquals("p1", doc.id());
        assertEquals(1, doc.statements().size());
        Statement s = doc.statements().get(0);
        assertEquals("One", s.sid());
        assertEquals(Effect.Allow, s.effect());
        assertNull(s.principals());
        assertEquals(List.of("kms:Encrypt"), s.actions());
        assertEquals(List.of("*"), s.resources());
    }

    @Test
    void statementArray_keepsOrderAndIndexes() {
        PolicyDocument doc = Fixtures.doc(Fixtures.allow(null, "kms:Encrypt", null),
                Fixtures.deny(null, "kms:Decrypt", "\"Sid\":\"NoDecrypt\""));
        assertEquals(0, doc.statements().get(0).index());
        assertEquals(1, doc.statements().get(1).index());
        assertEquals("NoDecrypt", doc.statements().get(1).sid());
        assertEquals(Effect.Deny, doc.statements().get(1).effect());
    }

    @Test
    void principalForms() {
        PolicyDocument doc = Fixtures.doc(
                Fixtures.allow("\"*\"", "kms:*", null),
                Fixtures.allow("{\"AWS\":[\"111122223333\",\"arn:aws:iam::444455556666:root\"],"
                        + "\"Service\":\"logs.amazonaws.com\"}", "kms:*", null));
        assertTrue(doc.statements().get(0).principals().everyone());
        PrincipalSet set = doc.statements().get(1).principals();
        assertEquals(List.of("111122223333", "arn:aws:iam::444455556666:root"), set.aws());
        assertEquals(List.of("logs.amazonaws.com"), set.byType().get("Service"));
    }

    @Test
    void negatedElements() {
        Statement s = Fixtures.doc(Fixtures.stmt("\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"111122223333\"},"
                + "\"NotAction\":[\"kms:Describe*\"],\"NotResource\":\"arn:aws:kms:*:*:key/x\"")).statements().get(0);
        assertTrue(s.notPrincipal());
        assertTrue(s.notAction());
        assertTrue(s.notResource());
    }

    @Test
    void conditionValues_stringsNumbersBooleans_andReferencedKeys() {
        PolicyDocument doc = Fixtures.doc(Fixtures.allow(null, "kms:*", "\"Condition\":{"
                + "\"NumericLessThan\":{\"kms:Count\":10},\"Bool\":{\"aws:SecureTransport\":true},"
                + "\"StringEquals\":{\"kms:EncryptionContext:Owner\":\"${aws:username}\","
                + "\"kms:CallerAccount\":[\"111122223333\",\"444455556666\"]}}"));
        List<ConditionClause> clauses = doc.statements().get(0).conditions();
        assertEquals(4, clauses.size());
        assertEquals(List.of("10"), clauses.get(0).values());
        assertEquals(List.of("true"), clauses.get(1).values());
        assertEquals(Set.of("kms:count", "aws:securetransport", "kms:encryptioncontext:owner", "aws:username",
                "kms:calleraccount"), doc.contextKeys());
    }

    @Test
    void version_decidesWhetherVariablesApply() {
        assertTrue(Fixtures.doc(Fixtures.allow(null, "kms:*", null)).variablesEnabled());
        assertFalse(PolicyDocument.parse("{\"Version\":\"2008-10-17\",\"Statement\":[]}").variablesEnabled());
        assertFalse(PolicyDocument.parse("{\"Statement\":[]}").variablesEnabled());
    }

    @Test
    void documentsAreEqual_exactlyWhenTheirTextIs() {
        String text = "{\"Statement\":[]}";
        assertEquals(PolicyDocument.parse(text), PolicyDocument.parse(text));
        assertNotEquals(PolicyDocument.parse(text), PolicyDocument.parse(text + " "));
    }

    @Test
    void malformedDocuments_nameTheProblem() {
        assertParseError("{", "The policy is not valid JSON.");
        assertParseError("[]", "The policy must be a JSON object.");
        assertParseError("{\"Version\":\"2012-10-17\"}", "The policy must have a Statement object or array.");
        assertParseError("{\"Statement\":[{\"Effect\":\"Maybe\"}]}",
                "Statement 1 of the policy must have an Effect of Allow or Deny.");
        assertParseError("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"NotAction\":\"b\"}]}",
                "Statement 1 of the policy must not have both Action and NotAction.");
        assertParseError("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"me\"}]}",
                "Statement 1 of the policy contains one or more invalid principals.");
        assertParseError("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{\"a\":1}}]}",
                "Statement 1 of the policy Action must be a string or an array of strings.");
        assertParseError("{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":{\"StringWhatever\":{\"k\":\"v\"}}}]}",
                "The policy has an unknown condition operator: StringWhatever.");
        assertParseError("{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":{\"StringEquals\":{\"k\":{}}}}]}",
                "Statement 1 of the policy has a Condition value that is not a string.");
        assertParseError("{\"Statement\":[],\"Statement\":[]}", "The policy is not valid JSON.");
    }

    private static void assertParseError(String json, String message) {
        assertEquals(message, assertThrows(PolicyParseException.class, () -> PolicyDocument.parse(json)).getMessage());
    }
}
