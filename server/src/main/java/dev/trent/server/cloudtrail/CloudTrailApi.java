package dev.trent.server.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.trent.server.audit.ChainEntry;
import java.io.IOException;
import java.util.NavigableMap;
import java.util.function.Supplier;

/**
 * The CloudTrail API on Trent's endpoint (awsJson1.1, target prefix
 * {@code com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101}): LookupEvents over the audit trail. The one
 * place CloudTrail's errors become {@code {"__type":..., "message":...}} with HTTP 400.
 */
public final class CloudTrailApi {

    public static final String TARGET_PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    /** The service name a CloudTrail request is signed for. */
    public static final String SERVICE = "cloudtrail";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Status and JSON body. */
    public record Answer(int status, byte[] body) {
    }

    private final LookupEvents lookupEvents;

    /** @param trail the trail's links by sequence, everything recorded so far written */
    public CloudTrailApi(Supplier<NavigableMap<Long, ChainEntry>> trail) {
        this.lookupEvents = new LookupEvents(trail);
    }

    public static boolean isCloudTrail(String target) {
        return target != null && target.startsWith(TARGET_PREFIX);
    }

    /** Answers the request {@code body} for {@code target} from {@code account} in {@code region}. */
    public Answer handle(String target, byte[] body, String account, String region) {
        try {
            String operation = target.substring(TARGET_PREFIX.length());
            if (!operation.equals("LookupEvents")) {
                throw new CloudTrailException(CloudTrailException.Type.UNKNOWN_OPERATION,
                        "Trent answers only LookupEvents of the CloudTrail API, not " + operation + ".");
            }
            return new Answer(200, JSON.writeValueAsBytes(lookupEvents.handle(parse(body), account, region)));
        } catch (CloudTrailException e) {
            return refusal(e);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new IOException("not an object");
            }
            return tree;
        } catch (IOException e) {
            throw new CloudTrailException(CloudTrailException.Type.SERIALIZATION, "The request body is not a JSON "
                    + "object.");
        }
    }

    private static Answer refusal(CloudTrailException e) {
        return new Answer(400, JsonNodeFactory.instance.objectNode().put("__type", e.type().wireName())
                .put("message", e.getMessage()).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
