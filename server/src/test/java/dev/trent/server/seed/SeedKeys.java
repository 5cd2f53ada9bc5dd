package dev.trent.server.seed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Key pairs made by the JDK and written as seed files hold them. */
final class SeedKeys {

    private SeedKeys() {
    }

    static KeyPair rsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code -----BEGIN PRIVATE KEY-----}: PKCS#8. */
    static String pkcs8Pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** OpenSSL's traditional form: {@code RSA PRIVATE KEY} (PKCS#1) or {@code EC PRIVATE KEY} (SEC1). */
    static String traditionalPem(KeyPair pair) {
        if (pair.getPrivate() instanceof ECPrivateKey ec) {
            // The JDK's own SEC1 leaves the curve to the PKCS#8 wrapper; OpenSSL's names it, as here.
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getEncoded());
            org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
                    ec.getParams().getOrder().bitLength(), ec.getS(), info.getPrivateKeyAlgorithm().getParameters());
            try {
                return "-----BEGIN EC PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(sec1.getEncoded())
                        + "\n-----END EC PRIVATE KEY-----\n";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(pair);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@code text} indented for a YAML block scalar. */
    static String indented(String text, int spaces) {
        String pad = " ".repeat(spaces);
        return pad + text.strip().replace("\n", "\n" + pad);
    }
}
