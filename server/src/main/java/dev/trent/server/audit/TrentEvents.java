package dev.trent.server.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** Events of what Trent does by itself, under its own event source. */
public final class TrentEvents {

    /** The event source of Trent's own actions, beside {@code kms.amazonaws.com}. */
    public static final String EVENT_SOURCE = "trent.local";

    private TrentEvents() {
    }

    /** A reset of all state, which is also the first event of the chain it starts. */
    public static AuditEvent reset(Instant time, String account, String region) {
        ObjectNode identity = JsonNodeFactory.instance.objectNode().put("type", "AWSService")
                .put("invokedBy", EVENT_SOURCE);
        return new AuditEvent(time, EVENT_SOURCE, "ResetState", region, EVENT_SOURCE, EVENT_SOURCE, identity, null,
                null, null, null, null, EventIds.next(), false, List.of(), AuditEvent.SERVICE_EVENT,
                account, null);
    }
}
