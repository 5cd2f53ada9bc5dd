package dev.trent.server.query;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One service spoken in the query protocol (IAM or STS): its XML namespace and an explicit map from Action to
 * {@link QueryAction}. The one place its answers and refusals become XML:
 * {@code <XResponse xmlns=...><XResult>...</XResult><ResponseMetadata><RequestId>...} or
 * {@code <ErrorResponse xmlns=...><Error><Type>Sender</Type><Code>...</Code><Message>...}.
 */
public final class QueryService {

    private static final Logger LOG = Logger.getLogger(QueryService.class.getName());

    /** The answer: HTTP status and XML body. */
    public record Answer(int status, byte[] body) {
    }

    private final String name;
    private final String namespace;
    private final String version;
    private final Map<String, QueryAction> actions;

    /**
     * @param name      the service name requests are signed for ({@code iam}, {@code sts})
     * @param namespace the xmlns of its answers
     * @param version   its API version ({@code 2010-05-08}, {@code 2011-06-15})
     */
    public QueryService(String name, String namespace, String version, Map<String, QueryAction> actions) {
        this.name = name;
        this.namespace = namespace;
        this.version = version;
        this.actions = Map.copyOf(actions);
    }

    public String name() {
        return name;
    }

    public Set<String> actions() {
        return actions.keySet();
    }

    public Answer handle(QueryRequest request, QueryCaller caller, String requestId) {
        String actionName = request.action().orElse(null);
        try {
            if (actionName == null) {
                throw new QueryException(QueryError.MISSING_PARAMETER,
                        "The request must contain the parameter Action");
            }
            QueryAction action = actions.get(actionName);
            if (action == null) {
                throw new QueryException(QueryError.INVALID_ACTION,
                        "Could not find operation " + actionName + " for version " + version);
            }
            Xml result = new Xml();
            action.run(request, caller, result);
            Xml response = new Xml().start(actionName + "Response", namespace);
            String content = result.toString();
            if (!content.isEmpty()) {
                response.start(actionName + "Result");
                response = append(response, content).end();
            }
            response.start("ResponseMetadata").element("RequestId", requestId).end().end();
            return new Answer(200, bytes(response));
        } catch (QueryException e) {
            return refusal(e, requestId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> name + " " + actionName + " failed");
            return refusal(new QueryException(QueryError.SERVICE_FAILURE,
                    "An internal error occurred."), requestId);
        }
    }

    /** The ErrorResponse document for {@code e}. */
    public Answer refusal(QueryException e, String requestId) {
        Xml xml = new Xml().start("ErrorResponse", namespace)
                .start("Error")
                .element("Type", e.error().type())
                .element("Code", e.error().code())
                .element("Message", e.getMessage())
                .end()
                .element("RequestId", requestId)
                .end();
        return new Answer(e.error().status(), bytes(xml));
    }

    private static Xml append(Xml xml, String content) {
        return xml.raw(content);
    }

    private static byte[] bytes(Xml xml) {
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
