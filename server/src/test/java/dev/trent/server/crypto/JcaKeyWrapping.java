package dev.trent.server.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Wraps key material for import the way an AWS client does, with the JDK's own providers only (SunJCE and
 * SunRsaSign): an implementation independent of the BouncyCastle code Trent unwraps with.
 */
public final class JcaKeyWrapping {

    private JcaKeyWrapping() {
    }

    /** {@code algorithm} is an AWS AlgorithmSpec name; {@code spki} the PublicKey of GetParametersForImport. */
    public static byte[] wrap(String algorithm, byte[] spki, byte[] material) throws GeneralSecurityException {
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
        return switch (algorithm) {
            case "RSAES_PKCS1_V1_5" -> rsa("RSA/ECB/PKCS1Padding", null, publicKey, material);
            case "RSAES_OAEP_SHA_1" -> rsa("RSA/ECB/OAEPPadding", oaep("SHA-1", MGF1ParameterSpec.SHA1), publicKey,
                    material);
            case "RSAES_OAEP_SHA_256" -> rsa("RSA/ECB/OAEPPadding", oaep("SHA-256", MGF1ParameterSpec.SHA256),
                    publicKey, material);
            case "RSA_AES_KEY_WRAP_SHA_1" -> rsaAes(oaep("SHA-1", MGF1ParameterSpec.SHA1), publicKey, material);
            case "RSA_AES_KEY_WRAP_SHA_256" -> rsaAes(oaep("SHA-256", MGF1ParameterSpec.SHA256), publicKey, material);
            default -> throw new IllegalArgumentException(algorithm);
        };
    }

    private static OAEPParameterSpec oaep(String hash, MGF1ParameterSpec mgf) {
        return new OAEPParameterSpec(hash, "MGF1", mgf, PSource.PSpecified.DEFAULT);
    }

    private static byte[] rsa(String transformation, OAEPParameterSpec spec, PublicKey key, byte[] data)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(transformation);
        if (spec == null) {
            cipher.init(Cipher.ENCRYPT_MODE, key, new SecureRandom());
        } else {
            cipher.init(Cipher.ENCRYPT_MODE, key, spec, new SecureRandom());
        }
        return cipher.doFinal(data);
    }

    /** RSA-OAEP over a fresh AES-256 key, then RFC 5649 AES key wrap with padding (SunJCE "AES/KWP/NoPadding"). */
    private static byte[] rsaAes(OAEPParameterSpec spec, PublicKey key, byte[] material)
            throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey aes = generator.generateKey();
        byte[] wrappedAesKey = rsa("RSA/ECB/OAEPPadding", spec, key, aes.getEncoded());
        Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
        kwp.init(Cipher.ENCRYPT_MODE, aes);
        byte[] body = kwp.doFinal(material);
        byte[] out = new byte[wrappedAesKey.length + body.length];
        System.arraycopy(wrappedAesKey, 0, out, 0, wrappedAesKey.length);
        System.arraycopy(body, 0, out, wrappedAesKey.length, body.length);
        return out;
    }
}
