package dev.trent.server.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One entry of an event's {@code resources}: the account, the type (e.g. {@code AWS::KMS::Key}) and the ARN. */
public record EventResource(String accountId, String type, String arn) {

    public static final String KMS_KEY = "AWS::KMS::Key";

    /** The KMS key {@code arn}, whose account is read from the ARN. */
    public static EventResource kmsKey(String arn) {
        String[] parts = arn.split(":", 6);
        return new EventResource(parts.length > 4 ? parts[4] : "", KMS_KEY, arn);
    }

    ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("accountId", accountId).put("type", type).put("ARN", arn);
    }
}
