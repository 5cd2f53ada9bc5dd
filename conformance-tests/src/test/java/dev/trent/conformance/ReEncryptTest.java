package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.NO_MESSAGE;
import static dev.trent.conformance.KmsErrors.assertKmsError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/** ReEncrypt between symmetric keys. */
class ReEncryptTest extends TrentTestBase {

    private KeyMetadata source;
    private KeyMetadata destination;

    @BeforeAll
    void createKeys() {
        source = newSymmetricKey();
        destination = newSymmetricKey();
    }

    @Test
    void reEncrypt_toAnotherKey_isDecryptableUnderTheDestinationKey() {
        byte[] plaintext = randomBytes(64);
        SdkBytes blob = kms.encrypt(b -> b.keyId(source.keyId()).plaintext(sdk(plaintext))).ciphertextBlob();

        ReEncryptResponse moved = kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(destination.keyId()));
        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(moved.ciphertextBlob()));

        assertEquals(source.arn(), moved.sourceKeyId());
        assertEquals(destination.arn(), moved.keyId());
        assertEquals(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, moved.sourceEncryptionAlgorithm());
        assertEquals(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, moved.destinationEncryptionAlgorithm());
        assertArrayEquals(plaintext, decrypted.plaintext().asByteArray());
        assertEquals(destination.arn(), decrypted.keyId());
    }

    @Test
    void reEncrypt_reportsSourceAndDestinationKeyMaterial() {
        SdkBytes blob = kms.encrypt(b -> b.keyId(source.keyId()).plaintext(utf8("m"))).ciphertextBlob();

        ReEncryptResponse moved = kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(destination.arn()));

        assertEquals(source.currentKeyMaterialId(), moved.sourceKeyMaterialId());
        assertEquals(destination.currentKeyMaterialId(), moved.destinationKeyMaterialId());
    }

    @Test
    void reEncrypt_withContexts_movesTheBindingToTheDestinationContext() {
        SdkBytes blob = kms.encrypt(b -> b.keyId(source.keyId()).plaintext(utf8("ctx"))
                .encryptionContext(Map.of("stage", "old"))).ciphertextBlob();

        ReEncryptResponse moved = kms.reEncrypt(b -> b.ciphertextBlob(blob)
                .sourceEncryptionContext(Map.of("stage", "old"))
                .destinationKeyId(destination.keyId())
                .destinationEncryptionContext(Map.of("stage", "new")));

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(moved.ciphertextBlob())
                        .encryptionContext(Map.of("stage", "old"))));
        assertEquals("ctx", kms.decrypt(b -> b.ciphertextBlob(moved.ciphertextBlob())
                .encryptionContext(Map.of("stage", "new"))).plaintext().asUtf8String());
    }

    @Test
    void reEncrypt_withoutTheSourceContext_throwsInvalidCiphertext() {
        SdkBytes blob = kms.encrypt(b -> b.keyId(source.keyId()).plaintext(utf8("ctx"))
                .encryptionContext(Map.of("stage", "old"))).ciphertextBlob();

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(destination.keyId())));
    }

    @Test
    void reEncrypt_withSourceKeyIdOfAnotherKey_throwsIncorrectKey() {
        SdkBytes blob = kms.encrypt(b -> b.keyId(source.keyId()).plaintext(utf8("x"))).ciphertextBlob();

        assertKmsError(IncorrectKeyException.class,
                "The key ID in the request does not identify a CMK that can perform this operation.",
                () -> kms.reEncrypt(b -> b.ciphertextBlob(blob).sourceKeyId(destination.keyId())
                        .destinationKeyId(destination.keyId())));
    }

    @Test
    void reEncrypt_toADisabledKey_throwsDisabled() {
        KeyMetadata disabled = newSymmetricKey();
        kms.disableKey(b -> b.keyId(disabled.keyId()));
        SdkBytes blob = kms.encrypt(b -> b.keyId(source.keyId()).plaintext(utf8("x"))).ciphertextBlob();

        assertKmsError(DisabledException.class, disabled.arn() + " is disabled.",
                () -> kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(disabled.keyId())));
    }

    @Test
    void reEncrypt_fromADisabledKey_throwsDisabled() {
        KeyMetadata disabled = newSymmetricKey();
        SdkBytes blob = kms.encrypt(b -> b.keyId(disabled.keyId()).plaintext(utf8("x"))).ciphertextBlob();
        kms.disableKey(b -> b.keyId(disabled.keyId()));

        assertKmsError(DisabledException.class, disabled.arn() + " is disabled.",
                () -> kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(destination.keyId())));
    }
}
