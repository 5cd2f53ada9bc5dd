package dev.trent.server.keystore;

/** The token access a running server uses. */
public final class TokenConnectors {

    private TokenConnectors() {
    }

    /** Real PKCS#11 tokens. */
    public static TokenConnector pkcs11() {
        return new Pkcs11TokenConnector();
    }
}
