package dev.trent.server.key.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trent.server.error.KMSInvalidStateException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cryptoperiods and compromise, operation by operation. */
class LifecycleRulesTest {

    private static final String ARN = "arn:aws:kms:us-east-1:111122223333:key/k";
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant ORIGINATOR_END = CREATED.plus(Duration.ofDays(90));
    private static final Instant RECIPIENT_END = CREATED.plus(Duration.ofDays(365));
    private static final KeyLifecycle PERIODS = KeyLifecycle.empty()
            .withCryptoperiods(new Cryptoperiods(Duration.ofDays(90), Duration.ofDays(365)));

    private static final Set<KeyOperation> PROTECT = EnumSet.of(KeyOperation.Encrypt, KeyOperation.GenerateDataKey,
            KeyOperation.GenerateDataKeyWithoutPlaintext, KeyOperation.GenerateDataKeyPair,
            KeyOperation.GenerateDataKeyPairWithoutPlaintext, KeyOperation.Sign, KeyOperation.GenerateMac,
            KeyOperation.ReEncryptTo, KeyOperation.DeriveSharedSecret);
    private static final Set<KeyOperation> PROCESS = EnumSet.of(KeyOperation.Decrypt, KeyOperation.Verify,
            KeyOperation.VerifyMac, KeyOperation.ReEncryptFrom);

    /** The operations refused for a key with {@code lifecycle} at {@code now}, each checked. */
    private static Set<KeyOperation> refused(KeyLifecycle lifecycle, Instant now) {
        Set<KeyOperation> refused = EnumSet.noneOf(KeyOperation.class);
        for (KeyOperation operation : KeyOperation.values()) {
            try {
                LifecycleRules.check(operation, ARN, CREATED, lifecycle, now);
            } catch (KMSInvalidStateException e) {
                refused.add(operation);
            }
        }
        return refused;
    }

    @Test
    void withoutLifecycleData_nothingIsRefused() {
        assertEquals(Set.of(), refused(KeyLifecycle.empty(), RECIPIENT_END.plus(Duration.ofDays(999))));
    }

    @Test
    void withinBothPeriods_nothingIsRefused() {
        assertEquals(Set.of(), refused(PERIODS, ORIGINATOR_END.minusMillis(1)));
    }

    @Test
    void afterTheOriginatorPeriod_exactlyTheProtectingOperationsAreRefused() {
        assertEquals(PROTECT, refused(PERIODS, ORIGINATOR_END));
    }

    @Test
    void afterTheRecipientPeriod_protectingAndProcessingAreRefused() {
        Set<KeyOperation> both = EnumSet.copyOf(PROTECT);
        both.addAll(PROCESS);
        assertEquals(both, refused(PERIODS, RECIPIENT_END));
    }

    @Test
    void compromised_neverProtects_andProcessesOnlyWhenAllowed() {
        Compromise forbidding = new Compromise(CREATED, "laptop stolen", false);
        Set<KeyOperation> both = EnumSet.copyOf(PROTECT);
        both.addAll(PROCESS);
        assertEquals(both, refused(KeyLifecycle.empty().withCompromise(forbidding), CREATED));
        Compromise allowing = new Compromise(CREATED, "laptop stolen", true);
        assertEquals(PROTECT, refused(KeyLifecycle.empty().withCompromise(allowing), CREATED));
    }

    @Test
    void messages_nameThePhaseAndTheReason() {
        List<String> messages = new ArrayList<>();
        for (var c : List.of(
                new Object[] {KeyOperation.Encrypt, PERIODS, ORIGINATOR_END},
                new Object[] {KeyOperation.Decrypt, PERIODS, RECIPIENT_END},
                new Object[] {KeyOperation.Sign, KeyLifecycle.empty().withCompromise(
                        new Compromise(CREATED, "laptop stolen", false)), CREATED},
                new Object[] {KeyOperation.Verify, KeyLifecycle.empty().withCompromise(
                        new Compromise(CREATED, "laptop stolen", false)), CREATED})) {
            try {
                LifecycleRules.check((KeyOperation) c[0], ARN, CREATED, (KeyLifecycle) c[1], (Instant) c[2]);
            } catch (KMSInvalidStateException e) {
                messages.add(e.getMessage());
            }
        }
        assertEquals(List.of(
                ARN + " is deactivated: its originator-usage period ended at 2026-04-01T00:00:00Z, so it may"
                        + " process data but not protect it.",
                ARN + " is deactivated: its recipient-usage period ended at 2027-01-01T00:00:00Z, so it may no"
                        + " longer process data.",
                ARN + " is compromised (since 2026-01-01T00:00:00Z: laptop stolen), so it may not protect data.",
                ARN + " is compromised (since 2026-01-01T00:00:00Z: laptop stolen), and its compromise setting"
                        + " forbids processing data."), messages);
    }
}
