package dev.trent.conformance;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/** Trent's ECDSA and Ed25519 signatures checked from the other side by the openssl command-line tool. */
class OpenSslEccInteropTest extends TrentTestBase {

    private static final byte[] MESSAGE = "interop message: signed by Trent, checked by openssl"
            .getBytes(StandardCharsets.UTF_8);

    private boolean opensslPresent;
    private SetupKeys keys;

    @TempDir
    Path dir;

    @BeforeAll
    void findOpensslAndCreateKeys() {
        opensslPresent = OpenSsl.present();
        keys = new SetupKeys(kms);
        if (opensslPresent) {
            for (KeySpec spec : List.of(KeySpec.ECC_NIST_P256, KeySpec.ECC_NIST_P384, KeySpec.ECC_NIST_P521,
                    KeySpec.ECC_SECG_P256_K1, KeySpec.ECC_NIST_EDWARDS25519)) {
                keys.create(spec, KeyUsageType.SIGN_VERIFY);
            }
        }
    }

    @BeforeEach
    void requireOpenssl() {
        assumeTrue(opensslPresent, "the openssl command is not on the PATH; interop tests need it");
    }

    private OpenSsl.Run openssl(String... args) throws IOException, InterruptedException {
        return OpenSsl.run(dir, args);
    }

    private KeyMetadata key(KeySpec spec) {
        return keys.get(spec, KeyUsageType.SIGN_VERIFY);
    }

    private Path publicKeyPem(KeySpec spec) throws IOException {
        byte[] spki = kms.getPublicKey(b -> b.keyId(key(spec).keyId())).publicKey().asByteArray();
        return Files.writeString(dir.resolve("pub.pem"), Jca.toPem(spki));
    }

    private Path sign(KeySpec spec, SigningAlgorithmSpec algorithm, MessageType type, byte[] message)
            throws IOException {
        byte[] signature = kms.sign(b -> b.keyId(key(spec).keyId()).signingAlgorithm(algorithm).messageType(type)
                .message(sdk(message))).signature().asByteArray();
        return Files.write(dir.resolve("sig.bin"), signature);
    }

    private OpenSsl.Run dgstVerify(String digestOption, Path pem, Path signature, Path message) throws Exception {
        return openssl("dgst", digestOption, "-verify", pem.toString(), "-signature", signature.toString(),
                message.toString());
    }

    private OpenSsl.Run pkeyutlVerify(Path pem, Path signature, Path message) throws Exception {
        return openssl("pkeyutl", "-verify", "-pubin", "-inkey", pem.toString(), "-rawin", "-in", message.toString(),
                "-sigfile", signature.toString());
    }

    @ParameterizedTest
    @CsvSource({
        "ECC_NIST_P256, ASN1 OID: prime256v1",
        "ECC_NIST_P384, ASN1 OID: secp384r1",
        "ECC_NIST_P521, ASN1 OID: secp521r1",
        "ECC_SECG_P256_K1, ASN1 OID: secp256k1",
        "ECC_NIST_EDWARDS25519, ED25519 Public-Key"
    })
    void publicKeyFromGetPublicKey_isReadByOpenssl(KeySpec spec, String expected) throws Exception {
        Path pem = publicKeyPem(spec);

        OpenSsl.Run run = openssl("pkey", "-pubin", "-in", pem.toString(), "-noout", "-text");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains(expected), run.output());
    }

    @Test
    void ecdsaP256RawSignature_verifiesWithOpensslDgst() throws Exception {
        Path pem = publicKeyPem(KeySpec.ECC_NIST_P256);
        Path message = Files.write(dir.resolve("message.txt"), MESSAGE);
        Path signature = sign(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW, MESSAGE);

        OpenSsl.Run run = dgstVerify("-sha256", pem, signature, message);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Verified OK"), run.output());
    }

    @Test
    void ecdsaP256DigestSignature_verifiesWithOpensslDgst() throws Exception {
        Path pem = publicKeyPem(KeySpec.ECC_NIST_P256);
        Path message = Files.write(dir.resolve("message.txt"), MESSAGE);
        byte[] digest = Jca.digest(SigningAlgorithmSpec.ECDSA_SHA_256, MESSAGE);
        Path signature = sign(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.DIGEST, digest);

        OpenSsl.Run run = dgstVerify("-sha256", pem, signature, message);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Verified OK"), run.output());
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P384", "ECC_NIST_P521"})
    void ecdsaRawSignatureOfLargerCurves_verifiesWithOpensslDgst(KeySpec spec) throws Exception {
        SigningAlgorithmSpec algorithm = Bc.ecdsaAlgorithm(spec);
        Path pem = publicKeyPem(spec);
        Path message = Files.write(dir.resolve("message.txt"), MESSAGE);
        Path signature = sign(spec, algorithm, MessageType.RAW, MESSAGE);

        OpenSsl.Run run = dgstVerify("-sha" + Jca.hashOf(algorithm).substring(4), pem, signature, message);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Verified OK"), run.output());
    }

    @Test
    void ecdsaSecp256k1RawSignature_verifiesWithOpensslDgst() throws Exception {
        Path pem = publicKeyPem(KeySpec.ECC_SECG_P256_K1);
        Path message = Files.write(dir.resolve("message.txt"), MESSAGE);
        Path signature = sign(KeySpec.ECC_SECG_P256_K1, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW, MESSAGE);

        OpenSsl.Run run = dgstVerify("-sha256", pem, signature, message);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Verified OK"), run.output());
    }

    @Test
    void ecdsaSecp256k1DigestSignature_verifiesWithOpensslDgst() throws Exception {
        Path pem = publicKeyPem(KeySpec.ECC_SECG_P256_K1);
        Path message = Files.write(dir.resolve("message.txt"), MESSAGE);
        byte[] digest = Jca.digest(SigningAlgorithmSpec.ECDSA_SHA_256, MESSAGE);
        Path signature = sign(KeySpec.ECC_SECG_P256_K1, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.DIGEST,
                digest);

        OpenSsl.Run run = dgstVerify("-sha256", pem, signature, message);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Verified OK"), run.output());
    }

    @Test
    void ecdsaSignatureOverAnotherMessage_isRejectedByOpenssl() throws Exception {
        Path pem = publicKeyPem(KeySpec.ECC_NIST_P256);
        Path other = Files.writeString(dir.resolve("other.txt"), "not the signed message");
        Path signature = sign(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW, MESSAGE);

        OpenSsl.Run run = dgstVerify("-sha256", pem, signature, other);

        assertNotEquals(0, run.exitCode(), run.output());
    }

    @Test
    void ed25519RawSignature_verifiesWithOpensslPkeyutl() throws Exception {
        Path pem = publicKeyPem(KeySpec.ECC_NIST_EDWARDS25519);
        Path message = Files.write(dir.resolve("message.txt"), MESSAGE);
        Path signature = sign(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_SHA_512, MessageType.RAW,
                MESSAGE);

        OpenSsl.Run run = pkeyutlVerify(pem, signature, message);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Signature Verified Successfully"), run.output());
    }

    @Test
    void ed25519SignatureOverAnotherMessage_isRejectedByOpensslPkeyutl() throws Exception {
        Path pem = publicKeyPem(KeySpec.ECC_NIST_EDWARDS25519);
        Path other = Files.writeString(dir.resolve("other.txt"), "not the signed message");
        Path signature = sign(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_SHA_512, MessageType.RAW,
                MESSAGE);

        OpenSsl.Run run = pkeyutlVerify(pem, signature, other);

        assertNotEquals(0, run.exitCode(), run.output());
    }
}
