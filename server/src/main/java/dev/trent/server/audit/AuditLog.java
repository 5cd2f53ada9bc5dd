package dev.trent.server.audit;

import java.security.PublicKey;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The trail as read back for checking: each stored link and digest by number, or why it could not be read; the
 * head record; the public key the digests are checked with.
 */
public record AuditLog(SortedMap<Long, Reading> events, SortedMap<Long, Reading> digests, Optional<Reading> head,
                       PublicKey publicKey) {

    /** A record's bytes, or why it could not be read (null bytes). */
    public record Reading(byte[] bytes, String failure) {

        public static Reading of(byte[] bytes) {
            return new Reading(bytes, null);
        }

        public static Reading failed(String failure) {
            return new Reading(null, failure);
        }

        public boolean ok() {
            return bytes != null;
        }
    }
}
