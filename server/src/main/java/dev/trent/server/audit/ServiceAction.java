package dev.trent.server.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Something Trent does to keys by itself, recorded as CloudTrail records AWS's own actions: an
 * {@code AwsServiceEvent} per key a commit changes, invoked by "AWS Internal", with the key in
 * {@code resources} and {@code serviceEventDetails}.
 *
 * @param rotationType the {@code rotationType} detail, or null for actions that are no rotation
 */
public record ServiceAction(String eventSource, String eventName, String rotationType) {

    public static final ServiceAction ROTATE_KEY = new ServiceAction(KmsCalls.EVENT_SOURCE, "RotateKey", "AUTOMATIC");
    public static final ServiceAction DELETE_KEY = new ServiceAction(KmsCalls.EVENT_SOURCE, "DeleteKey", null);
    public static final ServiceAction DELETE_EXPIRED_KEY_MATERIAL =
            new ServiceAction(KmsCalls.EVENT_SOURCE, "DeleteExpiredKeyMaterial", null);
    /** A NIST SP 800-57 cryptoperiod of a key ended, which AWS does not model: Trent's own event source. */
    public static final ServiceAction CRYPTOPERIOD_ENDED =
            new ServiceAction(TrentEvents.EVENT_SOURCE, "CryptoperiodEnded", null);

    private static final String INTERNAL = "AWS Internal";

    /** The event for this action on the key {@code key}, at {@code time}. */
    AuditEvent eventFor(EventResource key, Instant time) {
        ObjectNode identity = JsonNodeFactory.instance.objectNode().put("accountId", key.accountId())
                .put("invokedBy", INTERNAL);
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        if (rotationType != null) {
            details.put("rotationType", rotationType);
        }
        details.put("keyId", key.arn().substring(key.arn().lastIndexOf('/') + 1));
        String region = key.arn().split(":")[3];
        return new AuditEvent(time, eventSource, eventName, region, INTERNAL, INTERNAL, identity, null, null, null,
                null, null, EventIds.next(), false, List.of(key), AuditEvent.SERVICE_EVENT,
                key.accountId(), details);
    }
}
