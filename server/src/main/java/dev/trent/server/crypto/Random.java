package dev.trent.server.crypto;

import java.security.SecureRandom;

/** The one source of randomness for keys, nonces and GenerateRandom. */
public final class Random {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Random() {
    }

    public static byte[] bytes(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }

    public static SecureRandom secureRandom() {
        return RANDOM;
    }
}
