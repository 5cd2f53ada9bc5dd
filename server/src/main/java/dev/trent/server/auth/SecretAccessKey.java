package dev.trent.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The secret half of an access key. It never prints itself; the signer reads it through {@link #signingSeed()}
 * and the signing-key cache tells secrets apart by {@link #fingerprint()}, a digest that cannot be turned back
 * into the secret.
 */
public final class SecretAccessKey {

    private final byte[] seed;
    private final String fingerprint;

    private SecretAccessKey(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a secret access key must not be empty");
        }
        // SigV4 keys the first HMAC with "AWS4" followed by the secret.
        this.seed = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
        try {
            this.fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static SecretAccessKey of(String secret) {
        return new SecretAccessKey(secret);
    }

    public static SecretAccessKey of(char[] secret) {
        return new SecretAccessKey(new String(secret));
    }

    /** The key of the first HMAC of the signing-key derivation ({@code "AWS4" + secret}); a copy. */
    byte[] signingSeed() {
        return seed.clone();
    }

    String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "SecretAccessKey[hidden]";
    }
}
