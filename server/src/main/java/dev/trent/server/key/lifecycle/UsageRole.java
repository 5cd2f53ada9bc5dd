package dev.trent.server.key.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an operation does with a key in NIST SP 800-57 terms: apply protection (encrypt, sign, MAC, establish
 * keys), process protected data (decrypt, verify), or neither (metadata, public keys). Cryptoperiods and
 * compromise restrict the first two.
 */
public enum UsageRole {
    PROTECT, PROCESS, NEITHER;

    private static final Set<KeyOperation> PROTECTING = EnumSet.of(
            KeyOperation.Encrypt, KeyOperation.GenerateDataKey, KeyOperation.GenerateDataKeyWithoutPlaintext,
            KeyOperation.GenerateDataKeyPair, KeyOperation.GenerateDataKeyPairWithoutPlaintext, KeyOperation.Sign,
            KeyOperation.GenerateMac, KeyOperation.ReEncryptTo, KeyOperation.DeriveSharedSecret);

    private static final Set<KeyOperation> PROCESSING = EnumSet.of(
            KeyOperation.Decrypt, KeyOperation.Verify, KeyOperation.VerifyMac, KeyOperation.ReEncryptFrom);

    public static UsageRole of(KeyOperation operation) {
        if (PROTECTING.contains(operation)) {
            return PROTECT;
        }
        return PROCESSING.contains(operation) ? PROCESS : NEITHER;
    }
}
