package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.api.Dispatcher;
import dev.trent.server.api.OperationRegistry;
import dev.trent.server.api.Services;
import dev.trent.server.api.WorkLanes;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler on an EmbeddedChannel over a real dispatcher and in-memory storage, with a direct executor so each
 * request completes before the assertions. Every test ends in {@link #finish()}, which fails on any response or
 * buffer left behind.
 */
class KmsHttpHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "111122223333";

    private final Storage storage = Storage.inMemory();
    private final Dispatcher dispatcher = new Dispatcher(new OperationRegistry(
            Services.over(KeyRepository.load(storage.barrier()), Clock.systemUTC())));
    private EmbeddedChannel channel = channel(Runnable::run);

    private EmbeddedChannel channel(Executor executor) {
        return new EmbeddedChannel(new InOrderResponses(), new KmsHttpHandler(dispatcher, executor, new Accounts(ACCOUNT, java.util.Map.of()), "us-west-2"));
    }

    @AfterEach
    void finish() {
        assertFalse(channel.finishAndReleaseAll(), "no response or buffer left behind");
        storage.close();
    }

    @Test
    void post_withTarget_answers200_withProtocolHeaders() throws Exception {
        Reply reply = send(post("TrentService.GenerateRandom", "{\"NumberOfBytes\":16}", null));

        assertEquals(200, reply.status);
        assertEquals("application/x-amz-json-1.1", reply.contentType);
        assertEquals(UUID.fromString(reply.requestId).toString(), reply.requestId);
        assertEquals(reply.length, reply.text.getBytes(StandardCharsets.UTF_8).length, "Content-Length");
        assertEquals(16, Base64.getDecoder().decode(reply.body.get("Plaintext").asText()).length);
        assertTrue(channel.isOpen(), "HTTP/1.1 keeps the connection");
    }

    @Test
    void everyResponse_hasItsOwnRequestId() throws Exception {
        Reply first = send(post("TrentService.ListKeys", "{}", null));
        Reply second = send(post("TrentService.NoSuchThing", "{}", null));
        UUID.fromString(second.requestId);
        assertNotEquals(first.requestId, second.requestId);
        assertEquals("application/x-amz-json-1.1", second.contentType);
    }

    @Test
    void regionOfTheSigV4CredentialScope_appearsInArns() throws Exception {
        Reply reply = send(post("TrentService.CreateKey", "{}", signedFor("eu-west-1")));

        assertEquals(200, reply.status);
        String arn = reply.body.at("/KeyMetadata/Arn").asText();
        assertEquals("arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/" + reply.body.at("/KeyMetadata/KeyId").asText(), arn);
    }

    @Test
    void credentialScopedToSomethingThatIsNotARegion_isInvalidSignatureException400() throws Exception {
        String longRegion = "us-" + "east".repeat(275) + "-1";
        for (String region : new String[] {longRegion, "US-EAST-1", "us_east_1", "useast1", "us-east-", "\"-1"}) {
            Reply reply = send(post("TrentService.CreateKey", "{}", signedFor(region)));
            assertEquals(400, reply.status, region);
            assertEquals("InvalidSignatureException", reply.body.get("__type").asText(), region);
            assertEquals("Credential should be scoped to a valid region, not '" + region + "'.",
                    reply.body.get("message").asText(), region);
        }
        for (String region : new String[] {"us-gov-west-1", "eu-central-2", "cn-north-1", "eusc-de-east-1"}) {
            assertEquals(200, send(post("TrentService.ListKeys", "{}", signedFor(region))).status, region);
        }
    }

    @Test
    void requestWhoseLaneIsFull_isThrottlingException400_atOnce() throws Exception {
        WorkLanes lanes = WorkLanes.start(new WorkLanes.Sizes(1, 1, 1, 1));
        CountDownLatch release = new CountDownLatch(1);
        try {
            Executor expensive = lanes.forRequest("TrentService.ImportKeyMaterial", new byte[0]);
            for (int i = 0; i < 2; i++) { // its one thread, then its one queue slot
                expensive.execute(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            channel.finishAndReleaseAll();
            channel = new EmbeddedChannel(new InOrderResponses(), new KmsHttpHandler(dispatcher, lanes::forRequest,
                    new Accounts(ACCOUNT, java.util.Map.of()), "us-west-2"));

            Reply reply = send(post("TrentService.ImportKeyMaterial", "{}", null));

            assertEquals(400, reply.status);
            assertEquals("{\"__type\":\"ThrottlingException\",\"message\":\"You have exceeded the rate at which you "
                    + "may call KMS. Reduce the frequency of your calls.\"}", reply.text);
            assertTrue(channel.isOpen(), "a throttled client keeps its connection");
        } finally {
            release.countDown();
            lanes.shutdown(java.time.Duration.ofSeconds(10));
        }
    }

    @Test
    void requestWithoutAuthorization_usesTheDefaultRegion_andSeesOnlyItsKeys() throws Exception {
        String keyId = send(post("TrentService.CreateKey", "{}", signedFor("eu-west-1"))).body.at("/KeyMetadata/KeyId").asText();

        Reply unsigned = send(post("TrentService.CreateKey", "{}", null));
        assertTrue(unsigned.body.at("/KeyMetadata/Arn").asText().startsWith("arn:aws:kms:us-west-2:" + ACCOUNT + ":key/"));
        Reply elsewhere = send(post("TrentService.DescribeKey", "{\"KeyId\":\"" + keyId + "\"}", null));
        assertEquals(400, elsewhere.status);
        assertEquals("NotFoundException", elsewhere.body.get("__type").asText());
        assertEquals("Key 'arn:aws:kms:us-west-2:" + ACCOUNT + ":key/" + keyId + "' does not exist",
                elsewhere.body.get("message").asText());
    }

    @Test
    void unknownTarget_isUnknownOperationException_withoutMessage() throws Exception {
        Reply reply = send(post("TrentService.NoSuchThing", "{}", null));

        assertEquals(400, reply.status);
        assertEquals("{\"__type\":\"UnknownOperationException\"}", reply.text);
    }

    @Test
    void malformedJson_isSerializationException() throws Exception {
        Reply reply = send(post("TrentService.CreateKey", "{not json", null));

        assertEquals(400, reply.status);
        assertEquals("SerializationException", reply.body.get("__type").asText());
        assertEquals("application/x-amz-json-1.1", reply.contentType);
    }

    @Test
    void get_is405_withAJsonError() throws Exception {
        Reply reply = send(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));

        assertEquals(405, reply.status);
        assertEquals("application/x-amz-json-1.1", reply.contentType);
        assertEquals("UnknownOperationException", reply.body.get("__type").asText());
        assertEquals("Trent answers the KMS protocol with POST /.", reply.body.get("message").asText());
        UUID.fromString(reply.requestId);
    }

    @Test
    void undecodableRequest_is400_andClosesTheConnection() throws Exception {
        FullHttpRequest broken = post("TrentService.ListKeys", "{}", null);
        broken.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("bad header")));
        Reply reply = send(broken);

        assertEquals(400, reply.status);
        assertEquals("SerializationException", reply.body.get("__type").asText());
        assertFalse(channel.isOpen());
    }

    @Test
    void connectionClose_isHonoured() throws Exception {
        FullHttpRequest request = post("TrentService.ListKeys", "{}", null);
        request.headers().set(HttpHeaderNames.CONNECTION, "close");
        Reply reply = send(request);

        assertEquals(200, reply.status);
        assertEquals("close", reply.connection);
        assertFalse(channel.isOpen());
    }

    @Test
    void executorThatRefusesWork_gives503_insteadOfAHang() throws Exception {
        assertFalse(channel.finishAndReleaseAll());
        channel = channel(task -> {
            throw new RejectedExecutionException("shutting down");
        });
        Reply reply = send(post("TrentService.ListKeys", "{}", null));

        assertEquals(503, reply.status);
        assertEquals("KMSInternalException", reply.body.get("__type").asText());
        assertFalse(channel.isOpen());
    }

    @Test
    void customKeyStoreOperation_checksItsRequiredMembers() throws Exception {
        Reply reply = send(post("TrentService.CreateCustomKeyStore", "{}", null));

        assertEquals(400, reply.status);
        assertEquals("ValidationException", reply.body.get("__type").asText());
        assertEquals("1 validation error detected: Value null at 'customKeyStoreName' failed to satisfy constraint: "
                + "Member must not be null", reply.body.get("message").asText());
    }

    private record Reply(int status, String contentType, String requestId, String connection, int length, String text,
                         JsonNode body) {
    }

    private Reply send(FullHttpRequest request) throws Exception {
        channel.writeInbound(request);
        FullHttpResponse response = channel.readOutbound();
        assertTrue(response != null, "a response was written");
        try {
            String text = response.content().toString(StandardCharsets.UTF_8);
            return new Reply(response.status().code(), response.headers().get(HttpHeaderNames.CONTENT_TYPE),
                    response.headers().get("x-amzn-RequestId"), response.headers().get(HttpHeaderNames.CONNECTION),
                    response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH, -1), text,
                    text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text));
        } finally {
            response.release();
        }
    }

    private static String signedFor(String region) {
        return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/" + region + "/kms/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64);
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
