package dev.trent.server.policy;

/**
 * IAM's wildcard matching: {@code *} for any run of characters and {@code ?} for exactly one. Action names match
 * ignoring case; StringLike, ArnLike and the Resource element match case-sensitively. Matched directly in time
 * proportional to pattern times text, never through a regular expression, since a pattern comes from the caller
 * and one like {@code *a*a*a*...b} makes a backtracking regex engine take exponential time.
 */
public final class Wildcard {

    private Wildcard() {
    }

    /** Case-insensitive, as IAM compares action names. */
    public static boolean matchesIgnoringCase(String pattern, String text) {
        return matches(pattern, text, true);
    }

    /** Case-sensitive, as StringLike and resource ARNs compare. */
    public static boolean matches(String pattern, String text) {
        return matches(pattern, text, false);
    }

    private static boolean matches(String p, String t, boolean ignoreCase) {
        int pi = 0;
        int ti = 0;
        // Where the last * was, and the text position it currently stands for the end of.
        int star = -1;
        int starText = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || same(p.charAt(pi), t.charAt(ti), ignoreCase))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                starText = ti;
            } else if (star >= 0) {
                // Let the last * swallow one more character and retry from just after it.
                pi = star + 1;
                ti = ++starText;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        return ignoreCase && (Character.toLowerCase(a) == Character.toLowerCase(b)
                || Character.toUpperCase(a) == Character.toUpperCase(b));
    }
}
