package dev.trent.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Where the chain stands, stored with every append so a restart continues it and a log cut short is noticed:
 * the last sequence written and its hash, where the chain starts after pruning, and how far the last digest is
 * behind.
 *
 * @param lastSequence       0 before the first event
 * @param lastHash           the last event's hash; {@code firstPreviousHash} while the chain holds none
 * @param firstSequence      the first event the chain still holds (1 until retention prunes)
 * @param firstPreviousHash  the hash the first held event names ({@link Sha256#GENESIS} until pruned)
 * @param digests            the number of the newest digest (0 if none)
 * @param firstDigest        the oldest digest kept (1 until retention prunes)
 * @param lastDigestSequence the last event the newest digest covers (0 if none)
 * @param lastDigestTime     when the newest digest was written (the chain's start if none)
 * @param lastDigestHash     SHA-256 of the newest digest's stored bytes ({@link Sha256#GENESIS} if none)
 */
public record ChainHead(long lastSequence, String lastHash, long firstSequence, String firstPreviousHash,
                        long digests, long firstDigest, long lastDigestSequence, Instant lastDigestTime,
                        String lastDigestHash) {

    static ChainHead empty(Instant now) {
        return new ChainHead(0, Sha256.GENESIS, 1, Sha256.GENESIS, 0, 1, 0, now, Sha256.GENESIS);
    }

    ChainHead after(ChainEntry entry) {
        return new ChainHead(entry.sequence(), entry.hash(), firstSequence, firstPreviousHash, digests, firstDigest,
                lastDigestSequence, lastDigestTime, lastDigestHash);
    }

    ChainHead digested(SignedDigest digest) {
        return new ChainHead(lastSequence, lastHash, firstSequence, firstPreviousHash, digest.number(), firstDigest,
                lastSequence, digest.time(), Sha256.hex(digest.toBytes()));
    }

    /** The chain after the events before {@code sequence} and the digests before {@code digest} were pruned. */
    ChainHead startingAt(long sequence, String previousHash, long digest) {
        return new ChainHead(lastSequence, lastHash, sequence, previousHash, digests, digest, lastDigestSequence,
                lastDigestTime, lastDigestHash);
    }

    public byte[] toBytes() {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("lastSequence", lastSequence).put("lastHash", lastHash).put("firstSequence", firstSequence)
                .put("firstPreviousHash", firstPreviousHash).put("digests", digests).put("firstDigest", firstDigest)
                .put("lastDigestSequence", lastDigestSequence).put("lastDigestTime", lastDigestTime.toString())
                .put("lastDigestHash", lastDigestHash);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static ChainHead parse(byte[] bytes) throws IOException {
        JsonNode node = ChainEntry.JSON.readTree(bytes);
        try {
            return new ChainHead(node.path("lastSequence").asLong(), node.path("lastHash").asText(),
                    node.path("firstSequence").asLong(1), node.path("firstPreviousHash").asText(Sha256.GENESIS),
                    node.path("digests").asLong(), node.path("firstDigest").asLong(1),
                    node.path("lastDigestSequence").asLong(), Instant.parse(node.path("lastDigestTime").asText()),
                    node.path("lastDigestHash").asText(Sha256.GENESIS));
        } catch (RuntimeException e) {
            throw new IOException("not a chain head: " + e.getMessage(), e);
        }
    }
}
