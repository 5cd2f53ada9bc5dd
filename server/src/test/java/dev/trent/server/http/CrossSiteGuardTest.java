package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.admin.AdminRoutes;
import dev.trent.server.admin.InitScriptStatus;
import dev.trent.server.admin.StateWipe;
import dev.trent.server.api.Dispatcher;
import dev.trent.server.api.OperationRegistry;
import dev.trent.server.api.Services;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.time.Housekeeping;
import dev.trent.server.time.MovableClock;
import dev.trent.server.time.TimeTravel;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The guard in front of the admin and KMS handlers, as the server's pipeline has them: what a web page can make
 * a browser send is refused before anything is touched, and what tools send (curl, moto's Python client, the
 * {@code trent} command, AWS SDKs) goes through as before.
 */
class CrossSiteGuardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private final Storage storage = Storage.inMemory();
    private final MovableClock clock = new MovableClock(Clock.fixed(START, ZoneOffset.UTC));
    private final Services services = Services.over(KeyRepository.load(storage.barrier(), clock), clock);
    private final AtomicInteger wipes = new AtomicInteger();
    private final StateWipe wipe = () -> {
        wipes.incrementAndGet();
        return new StateWipe.Removed(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    };
    private final EmbeddedChannel channel = new EmbeddedChannel(new InOrderResponses(),
            new CrossSiteGuard(new CrossSiteRules("127.0.0.1", List.of("kms.internal"), false)),
            new AdminHttpHandler(AdminRoutes.create(new TimeTravel(clock, new Housekeeping()), "test",
                    services.lifecycle(), "111122223333", "us-east-1", InitScriptStatus.NONE, wipe), Runnable::run),
            new KmsHttpHandler(new Dispatcher(new OperationRegistry(services)), Runnable::run,
                    new Accounts("111122223333", Map.of()), "us-east-1"));

    private record Reply(int status, Map<String, String> headers, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    @AfterEach
    void finish() {
        assertFalse(channel.finishAndReleaseAll(), "no response or buffer left behind");
        storage.close();
    }

    @Test
    void crossOriginTextPlainReset_theIssuesAttack_isRefused_andNothingIsWiped() throws Exception {
        FullHttpRequest attack = request(HttpMethod.POST, "/_trent/reset", "{}",
                "Host", "localhost:4566", "Origin", "https://evil.example", "Content-Type", "text/plain;charset=UTF-8",
                "User-Agent", BROWSER, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors");

        Reply reply = send(attack);

        assertEquals(403, reply.status);
        assertEquals("application/json", reply.headers.get("content-type"));
        assertEquals("Forbidden", reply.json().get("error").asText());
        assertEquals("Cross-origin request from 'https://evil.example' refused: Trent's API is not open to web"
                + " pages.", reply.json().get("message").asText());
        assertEquals(0, wipes.get(), "nothing wiped");
        assertNoCorsGrant(reply);
    }

    @Test
    void crossOriginClockAdvanceAndCompromise_areRefused_andChangeNothing() throws Exception {
        String keyId = kms("CreateKey", "{}", "Host", "127.0.0.1:4566").json().at("/KeyMetadata/KeyId").asText();

        Reply advance = send(request(HttpMethod.POST, "/_trent/clock", "{\"advanceSeconds\": 864000}",
                "Host", "localhost:4566", "Origin", "http://evil.example", "Content-Type", "text/plain",
                "User-Agent", BROWSER));
        Reply compromise = send(request(HttpMethod.POST, "/_trent/keys/" + keyId + "/compromise",
                "{\"reason\": \"x\"}", "Host", "localhost:4566", "Origin", "http://evil.example",
                "Content-Type", "application/x-www-form-urlencoded", "User-Agent", BROWSER));

        assertEquals(403, advance.status);
        assertEquals(403, compromise.status);
        assertEquals(START, clock.instant(), "the clock did not move");
        Reply described = kms("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}", "Host", "127.0.0.1:4566");
        assertEquals("Enabled", described.json().at("/KeyMetadata/KeyState").asText());
        Reply lifecycle = send(request(HttpMethod.GET, "/_trent/keys/" + keyId + "/lifecycle", null,
                "Host", "localhost:4566"));
        assertTrue(lifecycle.json().get("compromise").isNull(), lifecycle.body);
        assertEquals(1, lifecycle.json().get("history").size(), "only CreateKey");
    }

    @Test
    void formPostFromAnOldBrowserWithoutOrigin_isRefused() throws Exception {
        Reply reply = send(request(HttpMethod.POST, "/_localstack/state/reset", "a=b",
                "Host", "localhost:4566", "Content-Type", "application/x-www-form-urlencoded", "User-Agent", BROWSER,
                "Referer", "http://evil.example/"));

        assertEquals(403, reply.status);
        assertEquals("A browser request that changes state must send Content-Type: application/json (got"
                + " 'application/x-www-form-urlencoded').", reply.json().get("message").asText());
        assertEquals(0, wipes.get());
    }

    @Test
    void dnsRebinding_theAttackersOwnNameInHost_isRefused_evenSameOrigin() throws Exception {
        Reply write = send(request(HttpMethod.POST, "/_trent/reset", "{}",
                "Host", "rebind.evil.example:4566", "Origin", "http://rebind.evil.example:4566",
                "Content-Type", "application/json", "User-Agent", BROWSER, "Sec-Fetch-Site", "same-origin"));
        Reply read = send(request(HttpMethod.GET, "/_trent/clock", null,
                "Host", "rebind.evil.example:4566", "User-Agent", BROWSER, "Sec-Fetch-Site", "same-origin"));
        Reply kms = kms("ListKeys", "{}", "Host", "rebind.evil.example:4566");

        assertEquals(403, write.status);
        assertEquals("Host 'rebind.evil.example:4566' is not a name of this server, so the request is refused"
                + " (protection against DNS rebinding). If clients reach Trent under this name, start it with"
                + " --hostname rebind.evil.example.", write.json().get("message").asText());
        assertEquals(403, read.status);
        assertEquals(400, kms.status);
        assertEquals("AccessDeniedException", kms.json().get("__type").asText());
        assertEquals(0, wipes.get());
    }

    @Test
    void kmsFromAForeignOrigin_isAccessDenied_inKmsShape() throws Exception {
        Reply reply = kms("GenerateRandom", "{\"NumberOfBytes\": 16}", "Host", "localhost:4566",
                "Origin", "http://localhost:3000", "User-Agent", BROWSER, "Sec-Fetch-Site", "same-site");

        assertEquals(400, reply.status);
        assertEquals("application/x-amz-json-1.1", reply.headers.get("content-type"));
        assertNotNull(reply.headers.get("x-amzn-requestid"));
        assertEquals("{\"__type\":\"AccessDeniedException\",\"message\":\"Cross-origin request from"
                + " 'http://localhost:3000' refused: Trent's API is not open to web pages.\"}", reply.body);
        assertNoCorsGrant(reply);
    }

    @Test
    void preflight_grantsNothing() throws Exception {
        Reply kms = send(request(HttpMethod.OPTIONS, "/", null, "Host", "localhost:4566",
                "Origin", "http://evil.example", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,x-amz-target", "User-Agent", BROWSER));
        Reply admin = send(request(HttpMethod.OPTIONS, "/_trent/reset", null, "Host", "localhost:4566",
                "Origin", "http://evil.example", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type", "User-Agent", BROWSER));

        assertEquals(400, kms.status);
        assertEquals(403, admin.status);
        assertNoCorsGrant(kms);
        assertNoCorsGrant(admin);
    }

    @Test
    void curlStyleLocalStackReset_withoutBodyOrContentType_isAllowed() throws Exception {
        Reply reply = send(request(HttpMethod.POST, "/_localstack/state/reset", null,
                "Host", "localhost:4566", "User-Agent", "curl/8.5.0", "Accept", "*/*"));

        assertEquals(200, reply.status);
        assertEquals("", reply.body);
        assertEquals(1, wipes.get());
    }

    @Test
    void motoStyleReset_fromPythonRequests_isAllowed() throws Exception {
        Reply reply = send(request(HttpMethod.POST, "/moto-api/reset", null,
                "Host", "localhost:4566", "User-Agent", "python-requests/2.32.3", "Accept-Encoding", "gzip, deflate",
                "Accept", "*/*", "Connection", "keep-alive", "Content-Length", "0"));

        assertEquals(200, reply.status);
        assertEquals("{\"status\":\"ok\"}", reply.body);
        assertEquals(1, wipes.get());
    }

    @Test
    void trentCommandsAdminCalls_asAdminClientSendsThem_areAllowed() throws Exception {
        Reply advance = send(request(HttpMethod.POST, "/_trent/clock", "{\"advanceSeconds\":60}",
                "Host", "localhost:4566", "User-Agent", "Java-http-client/17.0.13", "Accept", "application/json",
                "Content-Type", "application/json"));
        Reply reset = send(request(HttpMethod.DELETE, "/_trent/clock", null,
                "Host", "localhost:4566", "User-Agent", "Java-http-client/17.0.13", "Accept", "application/json"));

        assertEquals(200, advance.status, advance.body);
        assertEquals(60, advance.json().get("offsetSeconds").asLong());
        assertEquals(200, reset.status, reset.body);
        assertEquals(0, reset.json().get("offsetSeconds").asLong());
    }

    @Test
    void awsSdkRequest_isAllowed() throws Exception {
        Reply reply = kms("GenerateRandom", "{\"NumberOfBytes\": 16}", "Host", "127.0.0.1:45123",
                "User-Agent", "aws-sdk-java/2.29.0 md/io#sync ua/2.1 os/Linux lang/java#17",
                "Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/kms/aws4_request,"
                        + " SignedHeaders=host;x-amz-date;x-amz-target, Signature=00");

        assertEquals(200, reply.status, reply.body);
        assertEquals(16, reply.json().get("Plaintext").binaryValue().length);
    }

    @Test
    void sameOriginBrowserRequest_withJson_isAllowed_butNotWithAFormBody() throws Exception {
        Reply json = send(request(HttpMethod.POST, "/_trent/clock", "{\"advanceSeconds\":60}",
                "Host", "localhost:4566", "Origin", "http://localhost:4566", "Sec-Fetch-Site", "same-origin",
                "User-Agent", BROWSER, "Content-Type", "application/json"));
        Reply form = send(request(HttpMethod.POST, "/_trent/reset", "{}",
                "Host", "localhost:4566", "Origin", "http://localhost:4566", "Sec-Fetch-Site", "same-origin",
                "User-Agent", BROWSER, "Content-Type", "text/plain"));
        Reply typed = send(request(HttpMethod.GET, "/_trent/health", null,
                "Host", "localhost:4566", "Sec-Fetch-Site", "none", "User-Agent", BROWSER));

        assertEquals(200, json.status, json.body);
        assertEquals(403, form.status);
        assertEquals(0, wipes.get());
        assertEquals(200, typed.status, "a URL typed into the address bar");
    }

    @Test
    void aRefusal_keepsTheConnectionAsAskedAndTheNextRequestIsServed() throws Exception {
        Reply refused = send(request(HttpMethod.POST, "/moto-api/reset", null,
                "Host", "localhost:4566", "Origin", "null", "User-Agent", BROWSER));
        Reply next = send(request(HttpMethod.GET, "/_trent/health", null, "Host", "kms.internal:4566"));

        assertEquals(403, refused.status);
        assertEquals("keep-alive", refused.headers.get("connection"));
        assertEquals(200, next.status, "a configured --hostname");
        assertTrue(channel.isOpen());
    }

    private static void assertNoCorsGrant(Reply reply) {
        reply.headers.keySet().forEach(name ->
                assertFalse(name.startsWith("access-control-"), () -> "grants nothing: " + name));
    }

    private Reply kms(String operation, String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 4];
        System.arraycopy(headers, 0, all, 0, headers.length);
        all[headers.length] = "X-Amz-Target";
        all[headers.length + 1] = "TrentService." + operation;
        all[headers.length + 2] = "Content-Type";
        all[headers.length + 3] = "application/x-amz-json-1.1";
        return send(request(HttpMethod.POST, "/", body, all));
    }

    private Reply send(FullHttpRequest request) {
        channel.writeInbound(request);
        FullHttpResponse response = channel.readOutbound();
        assertNotNull(response, "a response was written");
        try {
            Map<String, String> headers = new java.util.HashMap<>();
            response.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            String body = response.content().toString(StandardCharsets.UTF_8);
            assertEquals(body.getBytes(StandardCharsets.UTF_8).length,
                    response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH, -1), "Content-Length");
            return new Reply(response.status().code(), headers, body);
        } finally {
            response.release();
        }
    }

    private static FullHttpRequest request(HttpMethod method, String uri, String body, String... headers) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri,
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.headers().add(headers[i], headers[i + 1]);
        }
        return request;
    }
}
