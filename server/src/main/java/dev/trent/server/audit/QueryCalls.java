package dev.trent.server.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How CloudTrail records an IAM or STS call (query protocol): event source {@code iam.amazonaws.com} or
 * {@code sts.amazonaws.com}, the Action as event name, the other form parameters in camelCase as
 * {@code requestParameters} (secrets left out), and the error code and message of an {@code ErrorResponse}.
 */
public final class QueryCalls {

    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    private QueryCalls() {
    }

    /** The call {@code parameters} make to {@code service} ({@code iam}, {@code sts}). */
    public static ApiCall describe(String service, Map<String, String> parameters, String region,
                                   UserIdentity identity, String sourceIp, String userAgent, String requestId) {
        String action = parameters.getOrDefault("Action", "UnknownOperation");
        ObjectNode recorded = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> parameter : new TreeMap<>(parameters).entrySet()) {
            String name = parameter.getKey();
            String member = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            if (!name.equals("Action") && !name.equals("Version") && !Redaction.isSecret(member)) {
                recorded.put(Redaction.camelCase(name), parameter.getValue());
            }
        }
        return new ApiCall(service + ".amazonaws.com", action, region, identity, sourceIp, userAgent, requestId,
                recorded.isEmpty() ? null : recorded, isReadOnly(action), List.of());
    }

    static boolean isReadOnly(String action) {
        return action.startsWith("Get") || action.startsWith("List") || action.startsWith("Simulate")
                || action.startsWith("Decode");
    }

    /** The outcome an answer of {@code status} with XML {@code body} tells of; no response elements are kept. */
    public static ApiCall.Outcome outcome(int status, byte[] body) {
        if (status == 200) {
            return ApiCall.Outcome.succeeded(null, List.of());
        }
        String xml = new String(body, StandardCharsets.UTF_8);
        return ApiCall.Outcome.refused(first(CODE, xml, "InternalFailure"), first(MESSAGE, xml, null));
    }

    private static String first(Pattern pattern, String xml, String otherwise) {
        Matcher matcher = pattern.matcher(xml);
        return matcher.find() ? unescape(matcher.group(1)) : otherwise;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
