package dev.trent.server.fuzz;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** One RSA-2048 private key per fuzzing JVM, PKCS#8 in base64, made once since RSA key generation is slow. */
final class RsaMaterial {

    static final String PKCS8 = generate();

    private RsaMaterial() {
    }

    private static String generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
