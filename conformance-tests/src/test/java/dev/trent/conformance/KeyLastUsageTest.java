package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.DryRunModifierType;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.GetKeyLastUsageResponse;
import software.amazon.awssdk.services.kms.model.KeyLastUsageTrackingOperation;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/** GetKeyLastUsage, and dry runs that skip the ciphertext (DryRunModifiers IGNORE_CIPHERTEXT). */
class KeyLastUsageTest extends TrentTestBase {

    private static final String DRY_RUN = "The request would have succeeded, but the DryRun option is set.";

    @Test
    void unusedKey_hasNoLastUsage_andTracksFromCreation() {
        KeyMetadata key = newSymmetricKey();

        GetKeyLastUsageResponse usage = kms.getKeyLastUsage(b -> b.keyId(key.keyId()));

        assertEquals(key.keyId(), usage.keyId());
        assertNull(usage.keyLastUsage());
        assertEquals(key.creationDate(), usage.keyCreationDate());
        assertEquals(key.creationDate(), usage.trackingStartDate());
    }

    @Test
    void lastUsage_namesTheLastSuccessfulOperation_andItsRequest() {
        KeyMetadata key = newSymmetricKey();
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("used"))).ciphertextBlob();
        var decrypt = kms.decrypt(b -> b.ciphertextBlob(blob));

        GetKeyLastUsageResponse usage = kms.getKeyLastUsage(b -> b.keyId(key.arn()));

        assertEquals(KeyLastUsageTrackingOperation.DECRYPT, usage.keyLastUsage().operation());
        assertEquals(decrypt.responseMetadata().requestId(), usage.keyLastUsage().kmsRequestId());
        assertTrue(!usage.keyLastUsage().timestamp().isBefore(key.creationDate()));
    }

    @Test
    void failedOperation_isNotAUse() {
        KeyMetadata key = newSymmetricKey();
        kms.disableKey(b -> b.keyId(key.keyId()));
        assertKmsError(DisabledException.class, key.arn() + " is disabled.",
                () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("no"))));

        assertNull(kms.getKeyLastUsage(b -> b.keyId(key.keyId())).keyLastUsage());
    }

    @Test
    void reEncrypt_isAUseOfBothKeys() {
        KeyMetadata source = newSymmetricKey();
        KeyMetadata destination = newSymmetricKey();
        SdkBytes blob = kms.encrypt(b -> b.keyId(source.keyId()).plaintext(utf8("moved"))).ciphertextBlob();
        kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(destination.keyId()));

        for (KeyMetadata key : new KeyMetadata[] {source, destination}) {
            assertEquals(KeyLastUsageTrackingOperation.RE_ENCRYPT,
                    kms.getKeyLastUsage(b -> b.keyId(key.keyId())).keyLastUsage().operation());
        }
    }

    @Test
    void alias_isNotAcceptedByGetKeyLastUsage() {
        KeyMetadata key = newSymmetricKey();
        String alias = uniqueAlias("usage");
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));

        assertKmsError(software.amazon.awssdk.services.kms.model.NotFoundException.class,
                "Invalid keyId '" + alias + "'", () -> kms.getKeyLastUsage(b -> b.keyId(alias)));
    }

    @Test
    void decryptDryRun_ignoringCiphertext_checksOnlyTheKey() {
        KeyMetadata key = newSymmetricKey();

        assertKmsError(DryRunOperationException.class, DRY_RUN, () -> kms.decrypt(b -> b.keyId(key.keyId())
                .dryRun(true).dryRunModifiers(DryRunModifierType.IGNORE_CIPHERTEXT)));

        kms.disableKey(b -> b.keyId(key.keyId()));
        assertKmsError(DisabledException.class, key.arn() + " is disabled.", () -> kms.decrypt(b -> b.keyId(key.keyId())
                .dryRun(true).dryRunModifiers(DryRunModifierType.IGNORE_CIPHERTEXT)));
    }

    @Test
    void reEncryptDryRun_ignoringCiphertext_checksBothKeys() {
        KeyMetadata source = newSymmetricKey();
        KeyMetadata destination = newSymmetricKey();
        kms.disableKey(b -> b.keyId(source.keyId()));

        assertKmsError(DisabledException.class, source.arn() + " is disabled.", () -> kms.reEncrypt(b -> b
                .sourceKeyId(source.keyId()).destinationKeyId(destination.keyId())
                .dryRun(true).dryRunModifiers(DryRunModifierType.IGNORE_CIPHERTEXT)));
    }

    @Test
    void lastUsage_survivesARestart(@TempDir Path dataDir) throws Exception {
        String keyId;
        try (TrentServer first = TrentServer.start(TrentConfig.builder().port(0).dataDir(dataDir).build());
             KmsClient client = KmsClients.create(first.endpoint(), Region.US_EAST_1)) {
            keyId = client.createKey(b -> { }).keyMetadata().keyId();
            client.generateDataKey(b -> b.keyId(keyId).numberOfBytes(16));
        }
        try (TrentServer second = TrentServer.start(TrentConfig.builder().port(0).dataDir(dataDir).build());
             KmsClient client = KmsClients.create(second.endpoint(), Region.US_EAST_1)) {
            assertEquals(KeyLastUsageTrackingOperation.GENERATE_DATA_KEY,
                    client.getKeyLastUsage(b -> b.keyId(keyId)).keyLastUsage().operation());
        }
    }
}
