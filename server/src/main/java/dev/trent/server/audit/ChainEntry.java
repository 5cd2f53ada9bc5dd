package dev.trent.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * One stored link of the chain: {@code {"sequence":n,"previousHash":"<hex>","event":{CloudTrail record}}} as
 * exact bytes. The next link names the SHA-256 of these bytes, so changing any byte of an event, or removing,
 * inserting or swapping one, breaks the chain at that place.
 */
public record ChainEntry(long sequence, byte[] bytes) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The link for {@code event} at {@code sequence}, after the link whose hash is {@code previousHash}. */
    static ChainEntry of(long sequence, String previousHash, AuditEvent event) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("sequence", sequence);
        node.put("previousHash", previousHash);
        node.set("event", event.toJson());
        try {
            return new ChainEntry(sequence, JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String hash() {
        return Sha256.hex(bytes);
    }

    /** The parsed link; throws {@link IOException} when the bytes are no JSON. */
    public JsonNode parse() throws IOException {
        return JSON.readTree(bytes);
    }

    /** The CloudTrail record this link holds, or empty JSON when it cannot be parsed. */
    public JsonNode event() {
        try {
            return parse().path("event");
        } catch (IOException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }
}
