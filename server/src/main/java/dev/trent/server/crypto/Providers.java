package dev.trent.server.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle provider, passed explicitly where the JDK lacks an algorithm (secp256k1, ML-DSA, SM2,
 * raw ECDSA over a digest). It is never installed globally, so the JDK's own providers stay the default.
 */
public final class Providers {

    public static final Provider BC = new BouncyCastleProvider();

    private Providers() {
    }
}
