package dev.trent.server.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The linear matcher gives the answers a regular expression gives, on many short random patterns and texts
 * (short enough that the regex cannot blow up), in both case modes.
 */
class WildcardAgreesWithRegexTest {

    private static String regexOf(String pattern) {
        StringBuilder out = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            out.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return out.toString();
    }

    private static String random(Random random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @Test
    void randomPatterns() {
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            String pattern = random(random, "aAb*?:", 7);
            String text = random(random, "aAb:", 8);
            assertEquals(Pattern.compile(regexOf(pattern), Pattern.DOTALL).matcher(text).matches(),
                    Wildcard.matches(pattern, text), pattern + " / " + text);
            assertEquals(Pattern.compile(regexOf(pattern), Pattern.DOTALL | Pattern.CASE_INSENSITIVE).matcher(text)
                    .matches(), Wildcard.matchesIgnoringCase(pattern, text), pattern + " / " + text);
        }
    }
}
