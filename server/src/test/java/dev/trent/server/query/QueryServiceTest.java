package dev.trent.server.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trent.server.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The envelope of answers and refusals, byte for byte as IAM writes them. */
class QueryServiceTest {

    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private final QueryService service = new QueryService("iam", NS, "2010-05-08", Map.of(
            "GetThing", (request, caller, result) -> result.start("Thing")
                    .element("Name", request.required("Name")).end(),
            "DeleteThing", (request, caller, result) -> { },
            "Fail", (request, caller, result) -> {
                throw new IllegalStateException("bug");
            }));
    private final QueryCaller caller = new QueryCaller(Principal.root("111122223333"), "us-east-1", "AKIA",
            Optional.empty());

    private String body(QueryService.Answer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    @Test
    void answer_isWrappedInResponseAndResult_withTheRequestId() {
        QueryService.Answer answer = service.handle(QueryRequest.of(Map.of("Action", "GetThing", "Name", "a<b")),
                caller, "rid-1");

        assertEquals(200, answer.status());
        assertEquals("<GetThingResponse xmlns=\"" + NS + "\"><GetThingResult><Thing><Name>a&lt;b</Name></Thing>"
                + "</GetThingResult><ResponseMetadata><RequestId>rid-1</RequestId></ResponseMetadata>"
                + "</GetThingResponse>", body(answer));
    }

    @Test
    void actionWithoutResult_answersOnlyTheMetadata() {
        assertEquals("<DeleteThingResponse xmlns=\"" + NS + "\"><ResponseMetadata><RequestId>rid-2</RequestId>"
                        + "</ResponseMetadata></DeleteThingResponse>",
                body(service.handle(QueryRequest.of(Map.of("Action", "DeleteThing")), caller, "rid-2")));
    }

    @Test
    void refusal_isAnErrorResponse_withTypeCodeMessageAndStatus() {
        QueryService.Answer answer = service.handle(QueryRequest.of(Map.of("Action", "GetThing")), caller, "rid-3");

        assertEquals(400, answer.status());
        assertEquals("<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>ValidationError</Code>"
                + "<Message>1 validation error detected: Value null at 'name' failed to satisfy constraint: Member"
                + " must not be null</Message></Error><RequestId>rid-3</RequestId></ErrorResponse>", body(answer));
    }

    @Test
    void unknownAction_isInvalidAction() {
        QueryService.Answer answer = service.handle(QueryRequest.of(Map.of("Action", "Nope")), caller, "r");

        assertEquals(400, answer.status());
        assertEquals(true, body(answer).contains("<Code>InvalidAction</Code><Message>Could not find operation Nope"
                + " for version 2010-05-08</Message>"));
    }

    @Test
    void unexpectedFailure_isServiceFailure500_withoutDetails() {
        QueryService.Answer answer = service.handle(QueryRequest.of(Map.of("Action", "Fail")), caller, "r");

        assertEquals(500, answer.status());
        assertEquals(true, body(answer).contains("<Type>Receiver</Type><Code>ServiceFailure</Code>"
                + "<Message>An internal error occurred.</Message>"));
    }
}
