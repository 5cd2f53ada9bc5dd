package dev.trent.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.key.Scope;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one place that calls operations and maps what they throw, without HTTP. */
class DispatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestContext CONTEXT =
            new RequestContext(new Scope("111122223333", "us-east-1"), "0f4e3a51-6c7d-4f3e-9b1a-2d5c8e7f9a0b");

    private final Storage storage = Storage.inMemory();
    private final Dispatcher dispatcher = new Dispatcher(new OperationRegistry(
            Services.over(KeyRepository.load(storage.barrier()), Clock.systemUTC())));

    @AfterEach
    void close() {
        storage.close();
    }

    private Dispatcher.Result dispatch(String target, String body) {
        return dispatcher.dispatch(target, body.getBytes(StandardCharsets.UTF_8), CONTEXT);
    }

    private static String body(Dispatcher.Result result) {
        return new String(result.body(), StandardCharsets.UTF_8);
    }

    @Test
    void unknownTarget_isUnknownOperationException_withoutAMessageMember() {
        List<String> failures = new ArrayList<>();
        for (String target : new String[] {"TrentService.NoSuchOperation", "TrentService.", "TrentService",
                "KMS.CreateKey", "CreateKey", "", null}) {
            Dispatcher.Result result = dispatch(target, "{}");
            if (result.status() != 400 || !body(result).equals("{\"__type\":\"UnknownOperationException\"}")) {
                failures.add(target + ": " + result.status() + " " + body(result));
            }
        }
        assertEquals(List.of(), failures);
    }

    /** Every model operation is known, and none of them fails on the server for an empty request. */
    @Test
    void everyModelOperation_isRegistered_andAnswersAnEmptyRequestAsAClientError_orSuccess() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String operation : OperationRegistryTest.MODEL) {
            Dispatcher.Result result = dispatch("TrentService." + operation, "{}");
            String type = result.body().length == 0 ? "" : JSON.readTree(result.body()).path("__type").asText();
            if (type.equals("UnknownOperationException") || result.status() >= 500
                    || (result.status() != 200 && result.status() != 400)) {
                failures.add(operation + ": " + result.status() + " " + body(result));
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(54, OperationRegistryTest.MODEL.size());
    }

    @Test
    void unexpectedRuntimeException_is500KmsInternalException_withoutInternals() throws IOException {
        storage.close(); // every write now fails inside the storage layer
        Logger log = Logger.getLogger(Dispatcher.class.getName());
        Level previous = log.getLevel();
        log.setLevel(Level.OFF);
        Dispatcher.Result result;
        try {
            result = dispatch("TrentService.CreateKey", "{}");
        } finally {
            log.setLevel(previous);
        }
        assertEquals(500, result.status());
        JsonNode body = JSON.readTree(result.body());
        assertEquals("KMSInternalException", body.get("__type").asText());
        assertEquals("An internal error occurred; see the Trent log for request " + CONTEXT.requestId() + ".",
                body.get("message").asText());
        assertEquals(2, body.size(), "only __type and message");
        for (String leak : new String[] {"dev.trent", "Exception:", "\tat ", "closed", "storage"}) {
            assertFalse(body(result).contains(leak), "the body shows internals: " + body(result));
        }
    }

    @Test
    void kmsException_is400_withTypeAndAwsMessage() {
        Dispatcher.Result result = dispatch("TrentService.DescribeKey", "{\"KeyId\":\"fake-key-id\"}");
        assertEquals(400, result.status());
        assertEquals("{\"__type\":\"NotFoundException\",\"message\":\"Invalid keyId 'fake-key-id'\"}", body(result));
    }

    @Test
    void exceptionThatAwsSendsWithoutMessage_hasNoMessageMember() {
        Dispatcher.Result result = dispatch("TrentService.Decrypt", "{\"CiphertextBlob\":\"AAECAwQ=\"}");
        assertEquals(400, result.status());
        assertEquals("{\"__type\":\"InvalidCiphertextException\"}", body(result));
    }

    @Test
    void validationAndSerializationErrors_are400() throws IOException {
        Dispatcher.Result validation = dispatch("TrentService.GenerateRandom", "{\"NumberOfBytes\":0}");
        assertEquals(400, validation.status());
        assertEquals("ValidationException", JSON.readTree(validation.body()).get("__type").asText());
        Dispatcher.Result serialization = dispatch("TrentService.GenerateRandom", "{\"NumberOfBytes\":");
        assertEquals(400, serialization.status());
        assertEquals("SerializationException", JSON.readTree(serialization.body()).get("__type").asText());
    }

    @Test
    void success_is200_andAnOperationWithoutOutput_hasAnEmptyBody() throws IOException {
        Dispatcher.Result created = dispatch("TrentService.CreateKey", "");
        assertEquals(200, created.status());
        String keyId = JSON.readTree(created.body()).at("/KeyMetadata/KeyId").asText();
        assertTrue(keyId.matches("[0-9a-f-]{36}"), keyId);

        Dispatcher.Result disabled = dispatch("TrentService.DisableKey", "{\"KeyId\":\"" + keyId + "\"}");
        assertEquals(200, disabled.status());
        assertEquals(0, disabled.body().length);
        Dispatcher.Result described = dispatch("TrentService.DescribeKey", "{\"KeyId\":\"" + keyId + "\"}");
        assertEquals("Disabled", JSON.readTree(described.body()).at("/KeyMetadata/KeyState").asText());
    }

    @Test
    void repeatedInternalFailure_logsOneStackTracePerMinute_andOneLineForEachOther() {
        storage.close(); // every write now fails inside the storage layer, at the same place every time
        Logger log = Logger.getLogger(Dispatcher.class.getName());
        List<java.util.logging.LogRecord> records = new ArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = log.getUseParentHandlers();
        log.setUseParentHandlers(false);
        log.addHandler(capture);
        try {
            for (int i = 0; i < 20; i++) {
                assertEquals(500, dispatch("TrentService.CreateKey", "{}").status());
            }
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(parents);
        }
        assertEquals(20, records.size(), "one record per failed request");
        assertTrue(records.get(0).getThrown() != null, "the first carries the trace");
        assertEquals(19, records.stream().filter(r -> r.getThrown() == null).count(), "the others do not");
        assertTrue(records.get(19).getMessage().contains("trace already logged within 1 min"),
                records.get(19).getMessage());
    }

    @Test
    void credentialScopeWithoutARegion_isInvalidSignatureException_beforeTheOperationRuns() throws IOException {
        String region = "us-" + "x".repeat(1100) + "-1";
        Dispatcher.Result result = dispatcher.dispatch("TrentService.CreateKey", new byte[0],
                new RequestContext(new Scope("111122223333", region), CONTEXT.requestId()));
        assertEquals(400, result.status());
        assertEquals("{\"__type\":\"InvalidSignatureException\",\"message\":\"Credential should be scoped to a "
                + "valid region, not '" + region + "'.\"}", body(result));
        assertEquals(0, JSON.readTree(dispatch("TrentService.ListKeys", "{}").body()).get("Keys").size(),
                "no key was created");
    }
}
