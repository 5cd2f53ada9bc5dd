package dev.trent.server.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.audit.ChainEntry;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * CloudTrail's LookupEvents over the audit trail: the management events of the caller's account and Region,
 * newest first, filtered and paged. Trent keeps no Insights events, so asking for them finds none.
 */
final class LookupEvents {

    private final Supplier<NavigableMap<Long, ChainEntry>> trail;

    LookupEvents(Supplier<NavigableMap<Long, ChainEntry>> trail) {
        this.trail = trail;
    }

    ObjectNode handle(JsonNode body, String account, String region) {
        LookupRequest request = LookupRequest.parse(body);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode events = response.putArray("Events");
        if (request.insights()) {
            return response;
        }
        Predicate<JsonNode> matching = request.matching();
        for (Map.Entry<Long, ChainEntry> link : trail.get().headMap(request.before(), false).descendingMap()
                .entrySet()) {
            JsonNode record = link.getValue().event();
            if (!account.equals(record.path("recipientAccountId").asText())
                    || !region.equals(record.path("awsRegion").asText()) || !matching.test(record)) {
                continue;
            }
            if (events.size() == request.maxResults()) {
                response.put("NextToken", request.tokenBefore(link.getKey() + 1));
                break;
            }
            events.add(EventSummary.of(record));
        }
        return response;
    }
}
