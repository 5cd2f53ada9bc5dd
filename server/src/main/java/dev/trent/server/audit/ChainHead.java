package dev.trent.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;

/**
 * Where the chain stands, stored with every append so a restart continues it and a log cut short is noticed:
 * the last sequence written and its hash, where the chain starts, and how far the last digest is behind.
 *
 * @param lastSequence      0 before the first event
 * @param lastHash          {@link Sha256#GENESIS} before the first event
 * @param firstSequence     the first event the chain still holds
 * @param digests           how many digests were written
 * @param lastDigestSequence the last event the newest digest covers (0 if none)
 * @param lastDigestTime    when the newest digest was written (the chain's start if none)
 * @param lastDigestHash    SHA-256 of the newest digest's stored bytes ({@link Sha256#GENESIS} if none)
 */
public record ChainHead(long lastSequence, String lastHash, long firstSequence, long digests,
                        long lastDigestSequence, Instant lastDigestTime, String lastDigestHash) {

    static ChainHead empty(Instant now) {
        return new ChainHead(0, Sha256.GENESIS, 1, 0, 0, now, Sha256.GENESIS);
    }

    ChainHead after(ChainEntry entry) {
        return new ChainHead(entry.sequence(), entry.hash(), firstSequence, digests, lastDigestSequence,
                lastDigestTime, lastDigestHash);
    }

    ChainHead digested(SignedDigest digest) {
        return new ChainHead(lastSequence, lastHash, firstSequence, digests + 1, lastSequence, digest.time(),
                Sha256.hex(digest.toBytes()));
    }

    public byte[] toBytes() {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("lastSequence", lastSequence).put("lastHash", lastHash).put("firstSequence", firstSequence)
                .put("digests", digests).put("lastDigestSequence", lastDigestSequence)
                .put("lastDigestTime", lastDigestTime.toString()).put("lastDigestHash", lastDigestHash);
        return node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static ChainHead parse(byte[] bytes) throws IOException {
        JsonNode node = ChainEntry.JSON.readTree(bytes);
        return new ChainHead(node.path("lastSequence").asLong(), node.path("lastHash").asText(),
                node.path("firstSequence").asLong(1), node.path("digests").asLong(),
                node.path("lastDigestSequence").asLong(), Instant.parse(node.path("lastDigestTime").asText()),
                node.path("lastDigestHash").asText(Sha256.GENESIS));
    }
}
