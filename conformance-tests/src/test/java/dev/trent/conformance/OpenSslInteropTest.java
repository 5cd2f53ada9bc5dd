package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/** Trent's RSA keys used from the other side by the openssl command-line tool. */
class OpenSslInteropTest extends TrentTestBase {

    private static final byte[] MESSAGE = "interop message: signed by Trent, checked by openssl"
            .getBytes(StandardCharsets.UTF_8);

    private boolean opensslPresent;
    private KeyMetadata signingKey;
    private KeyMetadata encryptionKey;

    @TempDir
    Path dir;

    @BeforeAll
    void findOpensslAndCreateKeys() {
        opensslPresent = OpenSsl.present();
        if (opensslPresent) {
            signingKey = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);
            encryptionKey = newKey(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT);
        }
    }

    @BeforeEach
    void requireOpenssl() {
        assumeTrue(opensslPresent, "the openssl command is not on the PATH; interop tests need it");
    }

    private OpenSsl.Run openssl(String... args) throws IOException, InterruptedException {
        return OpenSsl.run(dir, args);
    }

    private Path publicKeyPem(KeyMetadata key) throws IOException {
        byte[] spki = kms.getPublicKey(b -> b.keyId(key.keyId())).publicKey().asByteArray();
        return Files.writeString(dir.resolve("pub.pem"), Jca.toPem(spki));
    }

    private Path signDigest(SigningAlgorithmSpec algorithm) throws Exception {
        byte[] digest = Jca.digest(algorithm, MESSAGE);
        byte[] signature = kms.sign(b -> b.keyId(signingKey.keyId()).signingAlgorithm(algorithm)
                .messageType(MessageType.DIGEST).message(sdk(digest))).signature().asByteArray();
        return Files.write(dir.resolve("sig.bin"), signature);
    }

    @Test
    void publicKeyFromGetPublicKey_isReadByOpenssl() throws Exception {
        Path pem = publicKeyPem(signingKey);

        OpenSsl.Run run = openssl("pkey", "-pubin", "-in", pem.toString(), "-noout", "-text");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("2048 bit"), run.output());
    }

    @Test
    void pkcs1Sha256DigestSignature_verifiesWithOpensslDgst() throws Exception {
        Path pem = publicKeyPem(signingKey);
        Path message = Files.write(dir.resolve("message.txt"), MESSAGE);
        Path signature = signDigest(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256);

        OpenSsl.Run run = openssl("dgst", "-sha256", "-verify", pem.toString(), "-signature", signature.toString(),
                message.toString());

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Verified OK"), run.output());
    }

    @Test
    void pssSha256DigestSignature_verifiesWithOpensslDgstAndSaltLength32() throws Exception {
        Path pem = publicKeyPem(signingKey);
        Path message = Files.write(dir.resolve("message.txt"), MESSAGE);
        Path signature = signDigest(SigningAlgorithmSpec.RSASSA_PSS_SHA_256);

        OpenSsl.Run run = openssl("dgst", "-sha256", "-verify", pem.toString(), "-signature", signature.toString(),
                "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", message.toString());

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Verified OK"), run.output());
    }

    @Test
    void rawMessagePkcs1Signature_verifiesWithOpensslDgst() throws Exception {
        Path pem = publicKeyPem(signingKey);
        Path message = Files.write(dir.resolve("message.txt"), MESSAGE);
        byte[] signature = kms.sign(b -> b.keyId(signingKey.keyId())
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)
                .messageType(MessageType.RAW).message(sdk(MESSAGE))).signature().asByteArray();
        Path sig = Files.write(dir.resolve("sig.bin"), signature);

        OpenSsl.Run run = openssl("dgst", "-sha256", "-verify", pem.toString(), "-signature", sig.toString(),
                message.toString());

        assertEquals(0, run.exitCode(), run.output());
    }

    @Test
    void signatureOverAnotherMessage_isRejectedByOpenssl() throws Exception {
        Path pem = publicKeyPem(signingKey);
        Path other = Files.writeString(dir.resolve("other.txt"), "not the signed message");
        Path signature = signDigest(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256);

        OpenSsl.Run run = openssl("dgst", "-sha256", "-verify", pem.toString(), "-signature", signature.toString(),
                other.toString());

        assertNotEquals(0, run.exitCode(), run.output());
    }

    @Test
    void dataKeyWrappedByOpensslOaepSha256_decryptsThroughTrent() throws Exception {
        Path pem = publicKeyPem(encryptionKey);
        byte[] dataKey = randomBytes(32);
        Path plain = Files.write(dir.resolve("datakey.bin"), dataKey);
        Path wrapped = dir.resolve("datakey.enc");

        OpenSsl.Run run = openssl("pkeyutl", "-encrypt", "-pubin", "-inkey", pem.toString(),
                "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha256",
                "-pkeyopt", "rsa_mgf1_md:sha256", "-in", plain.toString(), "-out", wrapped.toString());
        assertEquals(0, run.exitCode(), run.output());

        byte[] ciphertext = Files.readAllBytes(wrapped);
        byte[] unwrapped = kms.decrypt(b -> b.keyId(encryptionKey.keyId())
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)
                .ciphertextBlob(sdk(ciphertext))).plaintext().asByteArray();

        assertArrayEquals(dataKey, unwrapped);
    }

    @Test
    void dataKeyWrappedByOpensslOaepSha1_decryptsThroughTrent() throws Exception {
        Path pem = publicKeyPem(encryptionKey);
        byte[] dataKey = randomBytes(32);
        Path plain = Files.write(dir.resolve("datakey.bin"), dataKey);
        Path wrapped = dir.resolve("datakey.enc");

        OpenSsl.Run run = openssl("pkeyutl", "-encrypt", "-pubin", "-inkey", pem.toString(),
                "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha1",
                "-pkeyopt", "rsa_mgf1_md:sha1", "-in", plain.toString(), "-out", wrapped.toString());
        assertEquals(0, run.exitCode(), run.output());

        byte[] ciphertext = Files.readAllBytes(wrapped);
        byte[] unwrapped = kms.decrypt(b -> b.keyId(encryptionKey.arn())
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1)
                .ciphertextBlob(sdk(ciphertext))).plaintext().asByteArray();

        assertArrayEquals(dataKey, unwrapped);
    }
}
