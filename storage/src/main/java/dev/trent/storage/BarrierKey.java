package dev.trent.storage;

import javax.crypto.spec.SecretKeySpec;

/** One term of the keyring: its number and its AES-256 key. Never prints the key. */
final class BarrierKey {

    private final int term;
    private final SecretKeySpec key;

    BarrierKey(int term, SecretKeySpec key) {
        if (term < 1) {
            throw new IllegalArgumentException("terms start at 1, was " + term);
        }
        this.term = term;
        this.key = key;
    }

    int term() {
        return term;
    }

    SecretKeySpec key() {
        return key;
    }

    @Override
    public String toString() {
        return "BarrierKey[term=" + term + ", AES-256, redacted]";
    }
}
