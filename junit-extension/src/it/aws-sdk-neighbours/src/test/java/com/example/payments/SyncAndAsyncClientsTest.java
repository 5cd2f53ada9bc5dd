package com.example.payments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.junit.RunningTrent;
import dev.trent.junit.TrentExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsAsyncClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidSignatureException;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/** One Trent for the class, reached by the injected sync client and by an async client on the SDK's Netty 4.1. */
@ExtendWith(TrentExtension.class)
class SyncAndAsyncClientsTest {

    private static final SdkBytes CARD = SdkBytes.fromString("4111 1111 1111 1111", StandardCharsets.UTF_8);

    @Test
    void testsRunOnTheProjectsOwnJUnitAndSdk() {
        assertEquals(System.getProperty("expected.junit.version"), Test.class.getPackage().getImplementationVersion());
        assertEquals(System.getProperty("expected.awssdk.version"), VersionInfo.SDK_VERSION);
    }

    @Test
    void theSdksNetty41IsTheOnlyNettyOnTheClasspath() {
        assertTrue(io.netty.util.Version.identify().get("netty-common").artifactVersion().startsWith("4.1."));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.netty.channel.MultiThreadIoEventLoopGroup"));
    }

    @Test
    void encryptThenDecrypt_givesThePlaintextBack(KmsClient kms) {
        String keyId = kms.createKey(r -> r.description("cards")).keyMetadata().keyId();

        EncryptResponse encrypted = kms.encrypt(r -> r.keyId(keyId).plaintext(CARD));
        DecryptResponse decrypted = kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()));

        assertArrayEquals(CARD.asByteArray(), decrypted.plaintext().asByteArray());
        assertEquals(encrypted.keyId(), decrypted.keyId());
        assertTrue(decrypted.keyId().endsWith(keyId));
    }

    @Test
    void keyMadeByTheAsyncClient_isUsedByTheSyncClient(KmsClient kms, RunningTrent trent) {
        try (KmsAsyncClient async = asyncClient(trent)) {
            KeyMetadata made = async.createKey(r -> r.description("made on Netty 4.1")).join().keyMetadata();
            SdkBytes ciphertext = async.encrypt(r -> r.keyId(made.keyId()).plaintext(CARD)).join().ciphertextBlob();

            assertEquals("made on Netty 4.1", kms.describeKey(r -> r.keyId(made.arn())).keyMetadata().description());
            assertArrayEquals(CARD.asByteArray(),
                    kms.decrypt(r -> r.ciphertextBlob(ciphertext)).plaintext().asByteArray());
            assertTrue(kms.listKeys().keys().stream().anyMatch(k -> k.keyId().equals(made.keyId())));
        }
    }

    @Test
    void secp256k1Signature_verifiesOnlyForItsMessage(KmsClient kms) {
        String keyId = kms.createKey(r -> r.keySpec(KeySpec.ECC_SECG_P256_K1).keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata().keyId();
        SdkBytes message = SdkBytes.fromString("pay 10 EUR", StandardCharsets.UTF_8);

        SdkBytes signature = kms.sign(r -> r.keyId(keyId).message(message).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature();

        assertTrue(kms.verify(r -> r.keyId(keyId).message(message).signature(signature)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signatureValid());
        SdkBytes other = SdkBytes.fromString("pay 99 EUR", StandardCharsets.UTF_8);
        assertThrows(KmsInvalidSignatureException.class, () -> kms.verify(r -> r.keyId(keyId).message(other)
                .signature(signature).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)));
    }

    private static KmsAsyncClient asyncClient(RunningTrent trent) {
        return KmsAsyncClient.builder()
                .httpClient(NettyNioAsyncHttpClient.create())
                .endpointOverride(trent.endpoint())
                .region(Region.of(trent.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
