package dev.trent.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed statement of the chain's state: "events {@code firstSequence}..{@code lastSequence} end in
 * {@code lastHash}", dated, numbered, and linked to the digest before it. Stored as
 * {@code {"payload":"<JSON text>","signature":"<base64>"}}, the signature being over the payload's UTF-8 bytes.
 *
 * @param number             1 for the first digest, then 2, 3, ...
 * @param firstSequence      the first event the chain holds; events before it were pruned
 * @param firstPreviousHash  the hash the first held event names as its predecessor
 * @param lastSequence       the newest event covered (0 if none)
 * @param lastHash           the newest event's hash
 * @param previousDigestHash SHA-256 of the previous digest's stored bytes ({@link Sha256#GENESIS} for the first)
 */
public record SignedDigest(long number, Instant time, long firstSequence, String firstPreviousHash,
                           long lastSequence, String lastHash, String previousDigestHash, byte[] payload,
                           byte[] signature) {

    static SignedDigest sign(long number, Instant time, long firstSequence, String firstPreviousHash,
                             long lastSequence, String lastHash, String previousDigestHash, AuditSigningKey key) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("digest", number).put("time", time.toString())
                .put("firstSequence", firstSequence).put("firstPreviousHash", firstPreviousHash)
                .put("lastSequence", lastSequence).put("lastHash", lastHash)
                .put("previousDigestHash", previousDigestHash);
        byte[] payload = node.toString().getBytes(StandardCharsets.UTF_8);
        return new SignedDigest(number, time, firstSequence, firstPreviousHash, lastSequence, lastHash,
                previousDigestHash, payload, key.sign(payload));
    }

    public byte[] toBytes() {
        return JsonNodeFactory.instance.objectNode()
                .put("payload", new String(payload, StandardCharsets.UTF_8))
                .put("signature", Base64.getEncoder().encodeToString(signature))
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    public static SignedDigest parse(byte[] stored) throws IOException {
        JsonNode outer = ChainEntry.JSON.readTree(stored);
        byte[] payload = outer.path("payload").asText().getBytes(StandardCharsets.UTF_8);
        JsonNode node = ChainEntry.JSON.readTree(payload);
        try {
            return new SignedDigest(node.path("digest").asLong(), Instant.parse(node.path("time").asText()),
                    node.path("firstSequence").asLong(), node.path("firstPreviousHash").asText(),
                    node.path("lastSequence").asLong(), node.path("lastHash").asText(),
                    node.path("previousDigestHash").asText(), payload,
                    Base64.getDecoder().decode(outer.path("signature").asText()));
        } catch (RuntimeException e) {
            throw new IOException("not a digest: " + e.getMessage(), e);
        }
    }

    public boolean signatureHolds(PublicKey key) {
        return AuditSigningKey.verify(key, payload, signature);
    }
}
