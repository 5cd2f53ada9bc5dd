package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.trent.server.app.TrentConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * What happens when a deletion window runs out. The server runs on a clock the test moves forward, so this
 * class has its own server and a single test that owns the whole timeline.
 */
class DeletionWindowTest extends TrentTestBase {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final OffsetClock clock = new OffsetClock();

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.clock(clock);
    }

    @Test
    void keyPastItsDeletionDate_isGoneWithItsAliasesAndItsCiphertextsAreUnreadable() throws Exception {
        KeyMetadata doomed = newSymmetricKey();
        KeyMetadata longWindow = newSymmetricKey();
        KeyMetadata reprieved = newSymmetricKey();
        String alias = uniqueAlias("doomed");
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(doomed.keyId()));
        SdkBytes blob = kms.encrypt(b -> b.keyId(doomed.keyId()).plaintext(utf8("last words"))).ciphertextBlob();
        kms.scheduleKeyDeletion(b -> b.keyId(doomed.keyId()).pendingWindowInDays(7));
        kms.scheduleKeyDeletion(b -> b.keyId(longWindow.keyId()).pendingWindowInDays(30));
        kms.scheduleKeyDeletion(b -> b.keyId(reprieved.keyId()).pendingWindowInDays(7));
        kms.cancelKeyDeletion(b -> b.keyId(reprieved.keyId()));

        clock.advance(Duration.ofDays(8));

        awaitDeleted(doomed);
        assertKmsError(NotFoundException.class, "Key '" + doomed.arn() + "' does not exist",
                () -> kms.describeKey(b -> b.keyId(doomed.keyId())));
        assertUnmodeledError("AccessDeniedException", "The ciphertext refers to a customer master key that does "
                        + "not exist, does not exist in this region, or you are not allowed to access.",
                () -> kms.decrypt(b -> b.ciphertextBlob(blob)));
        assertKmsError(NotFoundException.class, "Alias " + aliasArn(alias) + " is not found.",
                () -> kms.encrypt(b -> b.keyId(alias).plaintext(utf8("x"))));
        assertFalse(kms.listAliases(b -> b.limit(100)).aliases().stream()
                .anyMatch(a -> a.aliasName().equals(alias)), "alias of a deleted key is still listed");
        assertFalse(keyIds().contains(doomed.keyId()), "deleted key is still listed");
        assertEquals(KeyState.PENDING_DELETION,
                kms.describeKey(b -> b.keyId(longWindow.keyId())).keyMetadata().keyState());
        assertEquals(KeyState.DISABLED, kms.describeKey(b -> b.keyId(reprieved.keyId())).keyMetadata().keyState());
    }

    private List<String> keyIds() {
        return kms.listKeys(b -> b.limit(1000)).keys().stream().map(k -> k.keyId()).toList();
    }

    /** Deletion may be carried out by a background sweep; give it a moment before asserting. */
    private void awaitDeleted(KeyMetadata key) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline && keyIds().contains(key.keyId())) {
            Thread.sleep(200);
        }
    }
}
