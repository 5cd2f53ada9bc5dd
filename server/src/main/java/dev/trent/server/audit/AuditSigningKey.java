package dev.trent.server.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The key that signs the trail's digests: ECDSA on P-256 with SHA-256. The private half is stored sealed like
 * every other record; the public half is published (PEM), so anyone can check a digest without the root of trust.
 */
public final class AuditSigningKey {

    static final String ALGORITHM = "SHA256withECDSA";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private AuditSigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static AuditSigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return new AuditSigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is part of every JDK", e);
        }
    }

    /** The key as {@link #toStored()} wrote it. */
    public static AuditSigningKey fromStored(byte[] stored) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = ChainEntry.JSON.readTree(stored);
            KeyFactory factory = KeyFactory.getInstance("EC");
            return new AuditSigningKey(
                    factory.generatePrivate(new PKCS8EncodedKeySpec(
                            Base64.getDecoder().decode(node.path("privateKey").asText()))),
                    factory.generatePublic(new X509EncodedKeySpec(
                            Base64.getDecoder().decode(node.path("publicKey").asText()))));
        } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the stored audit signing key is no P-256 key pair", e);
        }
    }

    /** Both halves, for the sealed record: {@code {"privateKey":"<PKCS#8, base64>","publicKey":"<SPKI, base64>"}}. */
    public byte[] toStored() {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("privateKey", Base64.getEncoder().encodeToString(privateKey.getEncoded()))
                .put("publicKey", Base64.getEncoder().encodeToString(publicKey.getEncoded()))
                .toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as a PEM {@code PUBLIC KEY} block (SubjectPublicKeyInfo). */
    public String publicKeyPem() {
        return pem(publicKey);
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Reads a PEM {@code PUBLIC KEY} block. */
    public static PublicKey parsePem(String pem) {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM EC public key", e);
        }
    }

    byte[] sign(byte[] payload) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(payload);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(PublicKey key, byte[] payload, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(payload);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "AuditSigningKey[P-256]";
    }
}
