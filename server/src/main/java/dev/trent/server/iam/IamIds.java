package dev.trent.server.iam;

import java.security.SecureRandom;

/**
 * Fresh identifiers in IAM's shapes: unique ids are a four-letter prefix naming the kind ({@code AIDA} user,
 * {@code AROA} role, {@code ANPA} managed policy) and 17 characters; access key ids {@code AKIA} (long-term) or
 * {@code ASIA} (temporary) and 16 characters, all from the upper-case base32 alphabet; secrets 40 characters.
 */
public final class IamIds {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private IamIds() {
    }

    public static String userId() {
        return "AIDA" + random(BASE32, 17);
    }

    public static String roleId() {
        return "AROA" + random(BASE32, 17);
    }

    public static String policyId() {
        return "ANPA" + random(BASE32, 17);
    }

    public static String accessKeyId() {
        return "AKIA" + random(BASE32, 16);
    }

    public static String temporaryAccessKeyId() {
        return "ASIA" + random(BASE32, 16);
    }

    public static String secret() {
        return random(SECRET_CHARS, 40);
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
