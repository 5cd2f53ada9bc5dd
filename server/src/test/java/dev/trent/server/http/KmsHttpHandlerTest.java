package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.api.Dispatcher;
import dev.trent.server.api.OperationRegistry;
import dev.trent.server.api.Services;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler on an EmbeddedChannel, with a direct executor so each request completes before the assertions. */
class KmsHttpHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Storage storage;
    private EmbeddedChannel channel;

    @BeforeEach
    void open() {
        storage = Storage.inMemory();
        Dispatcher dispatcher = new Dispatcher(new OperationRegistry(
                Services.over(KeyRepository.load(storage.barrier()), Clock.systemUTC())));
        channel = new EmbeddedChannel(new KmsHttpHandler(dispatcher, Runnable::run, "111122223333", "us-west-2"));
    }

    @AfterEach
    void close() {
        assertFalse(channel.finishAndReleaseAll(), "no message or buffer left behind");
        storage.close();
    }

    @Test
    void post_withTarget_answers200_withProtocolHeaders() throws Exception {
        Reply reply = send(post("TrentService.GenerateRandom", "{\"NumberOfBytes\":16}", null));

        assertEquals(200, reply.status);
        assertEquals("application/x-amz-json-1.1", reply.contentType);
        UUID.fromString(reply.requestId);
        assertEquals(16, java.util.Base64.getDecoder().decode(reply.body.get("Plaintext").asText()).length);
    }

    @Test
    void regionOfTheSigV4Scope_appearsInArns() throws Exception {
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-1/kms/aws4_request, "
                + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64);
        Reply reply = send(post("TrentService.CreateKey", "{}", authorization));

        assertTrue(reply.body.at("/KeyMetadata/Arn").asText().startsWith("arn:aws:kms:eu-west-1:111122223333:key/"));
    }

    @Test
    void requestWithoutSignature_usesTheDefaultRegion() throws Exception {
        Reply reply = send(post("TrentService.CreateKey", "{}", null));

        assertTrue(reply.body.at("/KeyMetadata/Arn").asText().startsWith("arn:aws:kms:us-west-2:111122223333:key/"));
    }

    @Test
    void unknownTarget_isUnknownOperationException_withoutMessage() throws Exception {
        Reply reply = send(post("TrentService.NoSuchThing", "{}", null));

        assertEquals(400, reply.status);
        assertEquals("{\"__type\":\"UnknownOperationException\"}", reply.body.toString());
        UUID.fromString(reply.requestId);
    }

    @Test
    void malformedJson_isSerializationException() throws Exception {
        Reply reply = send(post("TrentService.CreateKey", "{not json", null));

        assertEquals(400, reply.status);
        assertEquals("SerializationException", reply.body.get("__type").asText());
    }

    @Test
    void get_isRefusedWithAJsonError() throws Exception {
        Reply reply = send(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));

        assertEquals(405, reply.status);
        assertEquals("UnknownOperationException", reply.body.get("__type").asText());
    }

    @Test
    void notYetImplementedOperation_saysSo() throws Exception {
        Reply reply = send(post("TrentService.CreateGrant", "{}", null));

        assertEquals(400, reply.status);
        assertEquals("UnsupportedOperationException", reply.body.get("__type").asText());
        assertEquals("CreateGrant is not implemented by this version of Trent.", reply.body.get("message").asText());
    }

    private record Reply(int status, String contentType, String requestId, JsonNode body) {
    }

    private Reply send(FullHttpRequest request) throws Exception {
        channel.writeInbound(request);
        FullHttpResponse response = channel.readOutbound();
        try {
            return new Reply(response.status().code(), response.headers().get(HttpHeaderNames.CONTENT_TYPE),
                    response.headers().get("x-amzn-RequestId"),
                    JSON.readTree(response.content().toString(StandardCharsets.UTF_8)));
        } finally {
            response.release();
        }
    }

    private static FullHttpRequest post(String target, String body, String authorization) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        request.headers().set("X-Amz-Target", target).set(HttpHeaderNames.CONTENT_TYPE, "application/x-amz-json-1.1");
        if (authorization != null) {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
        }
        return request;
    }
}
