package dev.trent.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.trent.server.error.MalformedPolicyDocumentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lockout safety check reads the caller's Action wildcards without a regular expression. */
class KeyPolicyDocumentTest {

    private static final String ACCOUNT = "111122223333";

    private static String rootPolicy(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}";
    }

    @Test
    void wildcardActionCoveringPutKeyPolicy_passesTheLockoutCheck() {
        KeyPolicyDocument.validate(rootPolicy("kms:Put*"), ACCOUNT, false);
        KeyPolicyDocument.validate(rootPolicy("KMS:PUTKEYPOLICY"), ACCOUNT, false);
    }

    /** Found by fuzzing: this Action kept a CreateKey request busy for minutes when matched as a regex. */
    @Test
    void actionOfManyStars_isALockout_answeredAtOnce() {
        String action = "*".repeat(40) + "x";
        MalformedPolicyDocumentException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(MalformedPolicyDocumentException.class,
                        () -> KeyPolicyDocument.validate(rootPolicy(action), ACCOUNT, false)));
        assertEquals(KeyPolicyDocument.LOCKOUT_MESSAGE, e.getMessage());
    }

    private static String rootPolicyWithCondition(String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":" + condition + "}]}";
    }

    /** A policy is stored only if the evaluator can run it, so a misspelt operator is refused up front. */
    @Test
    void unknownConditionOperator_isMalformed() {
        MalformedPolicyDocumentException e = assertThrows(MalformedPolicyDocumentException.class,
                () -> KeyPolicyDocument.validate(rootPolicyWithCondition("{\"StringEqual\":{\"kms:CallerAccount\":\""
                        + ACCOUNT + "\"}}"), ACCOUNT, false));
        assertEquals("The policy has an unknown condition operator: StringEqual.", e.getMessage());
    }

    @Test
    void knownConditionOperators_areAccepted() {
        KeyPolicyDocument.validate(rootPolicyWithCondition("{\"ForAnyValue:StringLikeIfExists\":"
                + "{\"kms:EncryptionContextKeys\":[\"App*\"]},\"Bool\":{\"aws:SecureTransport\":true}}"),
                ACCOUNT, false);
    }

    /** KMS's documented refusal: ForAllValues over one encryption context pair would match a request without it. */
    @Test
    void forAllValuesOnAnEncryptionContextPair_isOverlyPermissive() {
        MalformedPolicyDocumentException e = assertThrows(MalformedPolicyDocumentException.class,
                () -> KeyPolicyDocument.validate(rootPolicyWithCondition("{\"ForAllValues:StringEquals\":"
                        + "{\"kms:EncryptionContext:Department\":\"IT\"}}"), ACCOUNT, false));
        assertEquals(KeyPolicyDocument.OVERLY_PERMISSIVE_CONTEXT_MESSAGE, e.getMessage());
        KeyPolicyDocument.validate(rootPolicyWithCondition("{\"ForAllValues:StringEquals\":"
                + "{\"kms:EncryptionContextKeys\":[\"Department\"]},\"StringEquals\":"
                + "{\"kms:EncryptionContext:Department\":\"IT\"}}"), ACCOUNT, false);
    }
}
