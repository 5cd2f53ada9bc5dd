package dev.trent.server.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WildcardTest {

    private static final String ACTION = "kms:PutKeyPolicy";

    @Test
    void matches_exactlyAndIgnoringCase() {
        assertTrue(Wildcard.matchesIgnoringCase("kms:PutKeyPolicy", ACTION));
        assertTrue(Wildcard.matchesIgnoringCase("KMS:putkeypolicy", ACTION));
        assertFalse(Wildcard.matchesIgnoringCase("kms:PutKeyPolicies", ACTION));
        assertFalse(Wildcard.matchesIgnoringCase("kms:PutKeyPolic", ACTION));
        assertFalse(Wildcard.matchesIgnoringCase("", ACTION));
    }

    @Test
    void star_standsForAnyRun_includingNone() {
        assertTrue(Wildcard.matchesIgnoringCase("*", ACTION));
        assertTrue(Wildcard.matchesIgnoringCase("kms:*", ACTION));
        assertTrue(Wildcard.matchesIgnoringCase("kms:Put*Policy", ACTION));
        assertTrue(Wildcard.matchesIgnoringCase("kms:PutKeyPolicy*", ACTION));
        assertTrue(Wildcard.matchesIgnoringCase("*y*y*", ACTION));
        assertTrue(Wildcard.matchesIgnoringCase("**kms**", "kms"));
        assertFalse(Wildcard.matchesIgnoringCase("kms:Get*", ACTION));
        assertFalse(Wildcard.matchesIgnoringCase("*Policyx", ACTION));
        assertFalse(Wildcard.matchesIgnoringCase("s3:*", ACTION));
    }

    @Test
    void questionMark_standsForExactlyOneCharacter() {
        assertTrue(Wildcard.matchesIgnoringCase("kms:Put?eyPolicy", ACTION));
        assertTrue(Wildcard.matchesIgnoringCase("???:*", ACTION));
        assertFalse(Wildcard.matchesIgnoringCase("kms:Put??eyPolicy", ACTION));
        assertFalse(Wildcard.matchesIgnoringCase("kms:PutKeyPolicy?", ACTION));
    }

    @Test
    void caseSensitiveForm_distinguishesCase() {
        assertTrue(Wildcard.matches("alias/App*", "alias/AppOne"));
        assertFalse(Wildcard.matches("alias/app*", "alias/AppOne"));
        assertFalse(Wildcard.matches("Finance", "finance"));
        assertTrue(Wildcard.matches("", ""));
        assertTrue(Wildcard.matches("*", ""));
        assertFalse(Wildcard.matches("?", ""));
    }

    /** As a regular expression, 16 stars took about 3 s and 20 more than 30 s; 40 would not finish. */
    @Test
    void manyStarsThatCannotMatch_answerAtOnce() {
        String pattern = "*".repeat(40) + "x";
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertFalse(Wildcard.matchesIgnoringCase(pattern, ACTION)));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(Wildcard.matches(pattern, ACTION)));
    }
}
