package dev.trent.server.api;

import java.util.Locale;

/**
 * IAM's action matching: case-insensitive, {@code *} for any run of characters and {@code ?} for one. Matched
 * directly in time proportional to pattern times text, never through a regular expression, since a pattern
 * comes from the caller and one like {@code *a*a*a*...b} makes a backtracking regex engine take exponential
 * time.
 */
final class IamWildcard {

    private IamWildcard() {
    }

    static boolean matches(String pattern, String text) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String t = text.toLowerCase(Locale.ROOT);
        int pi = 0;
        int ti = 0;
        // Where the last * was, and the text position it currently stands for the end of.
        int star = -1;
        int starText = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
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
}
