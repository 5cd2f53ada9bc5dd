package dev.trent.server.admin;

import java.util.List;

/** What the server found damaged in its store, for {@code GET /_trent/health}. */
@FunctionalInterface
public interface IntegrityStatus {

    /** A key that is not served, by ARN, and why. */
    record DamagedKey(String arn, List<String> reasons) {
    }

    /** The damage now; every list empty for a sound store. */
    record Damage(List<String> problems, List<DamagedKey> keys, List<String> otherRecords) {

        public boolean isNone() {
            return problems.isEmpty() && keys.isEmpty() && otherRecords.isEmpty();
        }
    }

    Damage now();

    /** For servers without a store to check. */
    IntegrityStatus SOUND = () -> new Damage(List.of(), List.of(), List.of());
}
