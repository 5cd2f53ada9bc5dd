package dev.trent.conformance;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Independent checks with the JDK's own providers, parameterised the way AWS documents its algorithms:
 * RSASSA-PSS with salt length = digest length and MGF1 over the same hash; RSAES-OAEP with MGF1 over the
 * same hash and an empty label.
 */
final class Jca {

    private Jca() {
    }

    static RSAPublicKey rsaPublicKey(byte[] subjectPublicKeyInfo) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
    }

    /** "SHA-256", "SHA-384" or "SHA-512" for an RSA signing algorithm. */
    static String hashOf(SigningAlgorithmSpec algorithm) {
        String name = algorithm.toString();
        return "SHA-" + name.substring(name.length() - 3);
    }

    static int digestLength(SigningAlgorithmSpec algorithm) {
        return Integer.parseInt(hashOf(algorithm).substring(4)) / 8;
    }

    static byte[] digest(SigningAlgorithmSpec algorithm, byte[] message) throws GeneralSecurityException {
        return MessageDigest.getInstance(hashOf(algorithm)).digest(message);
    }

    static boolean verify(SigningAlgorithmSpec algorithm, RSAPublicKey key, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        String hash = hashOf(algorithm);
        Signature verifier;
        if (algorithm.toString().startsWith("RSASSA_PSS_")) {
            verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                    digestLength(algorithm), PSSParameterSpec.TRAILER_FIELD_BC));
        } else {
            verifier = Signature.getInstance(hash.replace("-", "") + "withRSA");
        }
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    static byte[] oaepEncrypt(EncryptionAlgorithmSpec algorithm, RSAPublicKey key, byte[] plaintext)
            throws GeneralSecurityException {
        String hash = algorithm == EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1 ? "SHA-1" : "SHA-256";
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key,
                new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), PSource.PSpecified.DEFAULT));
        return cipher.doFinal(plaintext);
    }

    /**
     * Key material wrapped for ImportKeyMaterial under GetParametersForImport's public key with RSAES_OAEP_SHA_256,
     * by the JDK's provider, as an AWS client wraps it.
     */
    static byte[] wrapForImport(GetParametersForImportResponse parameters, byte[] material)
            throws GeneralSecurityException {
        return oaepEncrypt(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256,
                rsaPublicKey(parameters.publicKey().asByteArray()), material);
    }

    static String toPem(byte[] subjectPublicKeyInfo) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(subjectPublicKeyInfo);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }
}
