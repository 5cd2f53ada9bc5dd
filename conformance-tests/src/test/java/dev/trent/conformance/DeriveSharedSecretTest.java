package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.NO_MESSAGE;
import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DeriveSharedSecretResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;

/**
 * DeriveSharedSecret (ECDH on P-256, P-384 and P-521), checked against the JDK's own ECDH: the secret Trent
 * derives from its private key and a peer's public key must equal the one the peer derives with its private key
 * and Trent's public key from GetPublicKey. The NIST prime curves have cofactor 1, so ECDH and cofactor ECDH
 * (which KMS names) give the same x-coordinate.
 */
class DeriveSharedSecretTest extends TrentTestBase {

    private static final String DRY_RUN = "The request would have succeeded, but the DryRun option is set.";

    /** One KEY_AGREEMENT key per curve, created on first use so that a refused spec fails only its own tests. */
    private final Map<KeySpec, KeyMetadata> keys = new EnumMap<>(KeySpec.class);

    private KeyMetadata key(KeySpec spec) {
        return keys.computeIfAbsent(spec, this::newAgreementKey);
    }

    private KeyMetadata newAgreementKey(KeySpec spec) {
        return newKey(spec, KeyUsageType.KEY_AGREEMENT);
    }

    /** The JDK's name of the curve of a NIST ECC key spec. */
    private static String curveName(KeySpec spec) {
        return switch (spec) {
            case ECC_NIST_P256 -> "secp256r1";
            case ECC_NIST_P384 -> "secp384r1";
            case ECC_NIST_P521 -> "secp521r1";
            default -> throw new IllegalArgumentException("not a NIST key agreement spec: " + spec);
        };
    }

    /** The length of a field element, which is the length of the raw ECDH secret (the x-coordinate). */
    private static int secretLength(KeySpec spec) {
        return switch (spec) {
            case ECC_NIST_P256 -> 32;
            case ECC_NIST_P384 -> 48;
            case ECC_NIST_P521 -> 66;
            default -> throw new IllegalArgumentException("not a NIST key agreement spec: " + spec);
        };
    }

    /** A peer key pair generated outside KMS, as Bob in the KMS documentation would. */
    private static KeyPair peer(KeySpec spec) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curveName(spec)));
        return generator.generateKeyPair();
    }

    /** The secret the peer computes on its side with the JDK. */
    private static byte[] jcaEcdh(PrivateKey ours, PublicKey theirs) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(ours);
        agreement.doPhase(theirs, true);
        return agreement.generateSecret();
    }

    private byte[] trentPublicKey(KeyMetadata key) {
        return kms.getPublicKey(b -> b.keyId(key.keyId())).publicKey().asByteArray();
    }

    private static ECPublicKey parse(byte[] spki) throws GeneralSecurityException {
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
    }

    private DeriveSharedSecretResponse derive(String keyId, byte[] peerPublicKey) {
        return kms.deriveSharedSecret(b -> b.keyId(keyId).keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH)
                .publicKey(sdk(peerPublicKey)));
    }

    private byte[] secret(KeyMetadata key, byte[] peerPublicKey) {
        return derive(key.keyId(), peerPublicKey).sharedSecret().asByteArray();
    }

    /**
     * A SubjectPublicKeyInfo that is well formed but names a point off the curve: the last byte of the uncompressed
     * point (the low byte of y) is changed until y^2 != x^3 + ax + b.
     */
    private static byte[] offCurve(ECPublicKey key) {
        byte[] encoded = key.getEncoded();
        ECParameterSpec params = key.getParams();
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        BigInteger x = key.getW().getAffineX();
        BigInteger right = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
        int coordinateLength = (p.bitLength() + 7) / 8;
        for (int delta = 1; delta < 256; delta++) {
            byte[] tampered = encoded.clone();
            tampered[tampered.length - 1] ^= (byte) delta;
            BigInteger y = new BigInteger(1,
                    Arrays.copyOfRange(tampered, tampered.length - coordinateLength, tampered.length));
            if (!y.pow(2).mod(p).equals(right)) {
                return tampered;
            }
        }
        throw new IllegalStateException("no off-curve variant found");
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521"})
    void deriveSharedSecret_withExternalPeer_equalsJcaEcdhOnThePeersSide(KeySpec spec) throws Exception {
        KeyMetadata key = key(spec);
        KeyPair peer = peer(spec);
        ECPublicKey trentPublic = parse(trentPublicKey(key));

        DeriveSharedSecretResponse derived = derive(key.keyId(), peer.getPublic().getEncoded());

        byte[] expected = jcaEcdh(peer.getPrivate(), trentPublic);
        assertArrayEquals(expected, derived.sharedSecret().asByteArray(), "ECDH secret on " + spec);
        assertEquals(secretLength(spec), derived.sharedSecret().asByteArray().length, "raw x-coordinate length");
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521"})
    void deriveSharedSecret_returnsKeyArnAlgorithmAndOrigin(KeySpec spec) throws Exception {
        KeyMetadata key = key(spec);

        DeriveSharedSecretResponse derived = derive(key.keyId(), peer(spec).getPublic().getEncoded());

        assertEquals(key.arn(), derived.keyId());
        assertEquals(KeyAgreementAlgorithmSpec.ECDH, derived.keyAgreementAlgorithm());
        assertEquals(OriginType.AWS_KMS, derived.keyOrigin());
        assertNull(derived.ciphertextForRecipient(), "CiphertextForRecipient is only for a Recipient");
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521"})
    void deriveSharedSecret_betweenTwoKmsKeys_isTheSameFromBothSides(KeySpec spec) {
        KeyMetadata alice = key(spec);
        KeyMetadata bob = newAgreementKey(spec);

        byte[] aliceSide = secret(alice, trentPublicKey(bob));
        byte[] bobSide = secret(bob, trentPublicKey(alice));

        assertArrayEquals(aliceSide, bobSide);
    }

    @Test
    void deriveSharedSecret_sameKeyAndPeer_givesTheSameSecret() throws Exception {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256);
        byte[] peerPublic = peer(KeySpec.ECC_NIST_P256).getPublic().getEncoded();

        assertArrayEquals(secret(key, peerPublic), secret(key, peerPublic));
    }

    @Test
    void deriveSharedSecret_differentPeers_giveDifferentSecrets() throws Exception {
        KeyMetadata key = key(KeySpec.ECC_NIST_P384);

        byte[] first = secret(key, peer(KeySpec.ECC_NIST_P384).getPublic().getEncoded());
        byte[] second = secret(key, peer(KeySpec.ECC_NIST_P384).getPublic().getEncoded());

        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void deriveSharedSecret_byKeyArnAndAliases_givesTheSameSecretAsByKeyId() throws Exception {
        KeyMetadata key = key(KeySpec.ECC_NIST_P521);
        String aliasName = uniqueAlias("ecdh");
        kms.createAlias(b -> b.aliasName(aliasName).targetKeyId(key.keyId()));
        byte[] peerPublic = peer(KeySpec.ECC_NIST_P521).getPublic().getEncoded();
        byte[] expected = secret(key, peerPublic);

        for (String form : new String[] {key.arn(), aliasName, aliasArn(aliasName)}) {
            DeriveSharedSecretResponse derived = derive(form, peerPublic);
            assertArrayEquals(expected, derived.sharedSecret().asByteArray(), "DeriveSharedSecret(" + form + ")");
            assertEquals(key.arn(), derived.keyId(), "DeriveSharedSecret(" + form + ").KeyId");
        }
    }

    @Test
    void deriveSharedSecret_withSignVerifyKey_throwsInvalidKeyUsage() throws Exception {
        KeyMetadata signing = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        byte[] peerPublic = peer(KeySpec.ECC_NIST_P256).getPublic().getEncoded();

        assertKmsError(InvalidKeyUsageException.class,
                signing.arn() + " key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret.",
                () -> derive(signing.keyId(), peerPublic));
    }

    @Test
    void deriveSharedSecret_withSymmetricKey_throwsInvalidKeyUsage() throws Exception {
        KeyMetadata symmetric = newSymmetricKey();
        byte[] peerPublic = peer(KeySpec.ECC_NIST_P256).getPublic().getEncoded();

        assertKmsError(InvalidKeyUsageException.class,
                symmetric.arn() + " key usage is ENCRYPT_DECRYPT which is not valid for DeriveSharedSecret.",
                () -> derive(symmetric.keyId(), peerPublic));
    }

    @Test
    void deriveSharedSecret_withUnknownAlgorithm_throwsValidation() throws Exception {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256);
        SdkBytes peerPublic = sdk(peer(KeySpec.ECC_NIST_P256).getPublic().getEncoded());

        assertUnmodeledError("ValidationException", "1 validation error detected: Value 'INVALID' at "
                        + "'keyAgreementAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[ECDH]",
                () -> kms.deriveSharedSecret(b -> b.keyId(key.keyId()).keyAgreementAlgorithm("INVALID")
                        .publicKey(peerPublic)));
    }

    @Test
    void deriveSharedSecret_withoutAlgorithm_throwsValidation() throws Exception {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256);
        SdkBytes peerPublic = sdk(peer(KeySpec.ECC_NIST_P256).getPublic().getEncoded());

        assertUnmodeledErrorCode("ValidationException",
                () -> kms.deriveSharedSecret(b -> b.keyId(key.keyId()).publicKey(peerPublic)));
    }

    @Test
    void deriveSharedSecret_withPublicKeyThatIsNotDer_throwsValidationWithoutMessage() {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256);

        assertUnmodeledError("ValidationException", NO_MESSAGE,
                () -> kms.deriveSharedSecret(b -> b.keyId(key.keyId())
                        .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(utf8("InvalidPublicKey"))));
    }

    @Test
    void deriveSharedSecret_withPublicKeyOnAnotherCurve_throwsValidation() throws Exception {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256);
        byte[] p384Public = peer(KeySpec.ECC_NIST_P384).getPublic().getEncoded();

        assertUnmodeledErrorCode("ValidationException", () -> derive(key.keyId(), p384Public));
    }

    @Test
    void deriveSharedSecret_withRsaPublicKey_throwsValidation() throws Exception {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] rsaPublic = generator.generateKeyPair().getPublic().getEncoded();

        assertUnmodeledErrorCode("ValidationException", () -> derive(key.keyId(), rsaPublic));
    }

    @Test
    void deriveSharedSecret_withPointNotOnTheCurve_throwsValidation() throws Exception {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256);
        byte[] offCurve = offCurve((ECPublicKey) peer(KeySpec.ECC_NIST_P256).getPublic());

        assertUnmodeledErrorCode("ValidationException", () -> derive(key.keyId(), offCurve));
    }

    @Test
    void deriveSharedSecret_withPublicKeyFollowedByExtraBytes_throwsValidation() throws Exception {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256);
        byte[] encoded = peer(KeySpec.ECC_NIST_P256).getPublic().getEncoded();
        byte[] trailing = Arrays.copyOf(encoded, encoded.length + 2);

        assertUnmodeledErrorCode("ValidationException", () -> derive(key.keyId(), trailing));
    }

    @Test
    void deriveSharedSecret_withMalformedKeyId_throwsNotFound() throws Exception {
        byte[] peerPublic = peer(KeySpec.ECC_NIST_P256).getPublic().getEncoded();

        assertKmsError(NotFoundException.class, "Invalid keyId 'key_id'", () -> derive("key_id", peerPublic));
    }

    @Test
    void deriveSharedSecret_withDisabledKey_throwsDisabled() throws Exception {
        KeyMetadata disabled = newAgreementKey(KeySpec.ECC_NIST_P256);
        kms.disableKey(b -> b.keyId(disabled.keyId()));
        byte[] peerPublic = peer(KeySpec.ECC_NIST_P256).getPublic().getEncoded();

        assertKmsError(DisabledException.class, disabled.arn() + " is disabled.",
                () -> derive(disabled.keyId(), peerPublic));
    }

    @Test
    void deriveSharedSecret_withKeyPendingDeletion_throwsInvalidState() throws Exception {
        KeyMetadata pending = newAgreementKey(KeySpec.ECC_NIST_P256);
        kms.scheduleKeyDeletion(b -> b.keyId(pending.keyId()).pendingWindowInDays(7));
        byte[] peerPublic = peer(KeySpec.ECC_NIST_P256).getPublic().getEncoded();

        assertKmsError(KmsInvalidStateException.class, pending.arn() + " is pending deletion.",
                () -> derive(pending.keyId(), peerPublic));
    }

    @Test
    void deriveSharedSecret_dryRun_throwsDryRunOperation() throws Exception {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256);
        SdkBytes peerPublic = sdk(peer(KeySpec.ECC_NIST_P256).getPublic().getEncoded());

        assertKmsError(DryRunOperationException.class, DRY_RUN,
                () -> kms.deriveSharedSecret(b -> b.keyId(key.keyId())
                        .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(peerPublic).dryRun(true)));
    }

    @Test
    void deriveSharedSecret_dryRunWithSignVerifyKey_throwsInvalidKeyUsage() throws Exception {
        KeyMetadata signing = newKey(KeySpec.ECC_NIST_P384, KeyUsageType.SIGN_VERIFY);
        SdkBytes peerPublic = sdk(peer(KeySpec.ECC_NIST_P384).getPublic().getEncoded());

        assertKmsError(InvalidKeyUsageException.class,
                signing.arn() + " key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret.",
                () -> kms.deriveSharedSecret(b -> b.keyId(signing.keyId())
                        .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(peerPublic).dryRun(true)));
    }
}
