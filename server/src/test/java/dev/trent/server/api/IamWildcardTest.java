package dev.trent.server.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IamWildcardTest {

    private static final String ACTION = "kms:PutKeyPolicy";

    @Test
    void matches_exactlyAndIgnoringCase() {
        assertTrue(IamWildcard.matches("kms:PutKeyPolicy", ACTION));
        assertTrue(IamWildcard.matches("KMS:putkeypolicy", ACTION));
        assertFalse(IamWildcard.matches("kms:PutKeyPolicies", ACTION));
        assertFalse(IamWildcard.matches("kms:PutKeyPolic", ACTION));
        assertFalse(IamWildcard.matches("", ACTION));
    }

    @Test
    void star_standsForAnyRun_includingNone() {
        assertTrue(IamWildcard.matches("*", ACTION));
        assertTrue(IamWildcard.matches("kms:*", ACTION));
        assertTrue(IamWildcard.matches("kms:Put*Policy", ACTION));
        assertTrue(IamWildcard.matches("kms:PutKeyPolicy*", ACTION));
        assertTrue(IamWildcard.matches("*y*y*", ACTION));
        assertTrue(IamWildcard.matches("**kms**", "kms"));
        assertFalse(IamWildcard.matches("kms:Get*", ACTION));
        assertFalse(IamWildcard.matches("*Policyx", ACTION));
        assertFalse(IamWildcard.matches("s3:*", ACTION));
    }

    @Test
    void questionMark_standsForExactlyOneCharacter() {
        assertTrue(IamWildcard.matches("kms:Put?eyPolicy", ACTION));
        assertTrue(IamWildcard.matches("???:*", ACTION));
        assertFalse(IamWildcard.matches("kms:Put??eyPolicy", ACTION));
        assertFalse(IamWildcard.matches("kms:PutKeyPolicy?", ACTION));
    }

    /** As a regular expression, 16 stars took about 3 s and 20 more than 30 s; 40 would not finish. */
    @Test
    void manyStarsThatCannotMatch_answerAtOnce() {
        String pattern = "*".repeat(40) + "x";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(IamWildcard.matches(pattern, ACTION)));
    }
}
