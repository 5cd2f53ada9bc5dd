package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.admin.AdminRoutes;
import dev.trent.server.api.Dispatcher;
import dev.trent.server.api.OperationRegistry;
import dev.trent.server.api.Services;
import dev.trent.server.auth.AuthMode;
import dev.trent.server.auth.CredentialStore;
import dev.trent.server.auth.Principal;
import dev.trent.server.auth.RootCredentials;
import dev.trent.server.auth.SecretAccessKey;
import dev.trent.server.auth.SigV4Signer;
import dev.trent.server.auth.SigV4Verifier;
import dev.trent.server.auth.SignedRequest;
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
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's admin and KMS handlers with {@code --auth verify}, on an EmbeddedChannel: each refusal is AWS's
 * HTTP 400 with its {@code __type} and message, a good signature acts in its root's account, and the admin API
 * takes only root-signed requests (health aside).
 */
class VerifiedRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-01T00:11:00Z");
    private static final String ACCOUNT = "111122223333";
    private static final String USER_KEY = "AKIAUSEREXAMPLE";
    private static final String ENDED_SESSION_KEY = "ASIAENDEDEXAMPLE";

    private final Storage storage = Storage.inMemory();
    private final MovableClock clock = new MovableClock(Clock.fixed(START, ZoneOffset.UTC));
    private final Services services = Services.over(KeyRepository.load(storage.barrier(), clock), clock);
    private final Dispatcher dispatcher = new Dispatcher(new OperationRegistry(services));
    private final RootCredentials roots = new RootCredentials(List.of(
            new RootCredentials.Entry(ACCOUNT, "AKIAROOTEXAMPLE", SecretAccessKey.of("root-secret"))));
    /** The roots, plus one non-root user and one ended session, as IAM and STS will add them behind it. */
    private final CredentialStore credentials = (accessKeyId, token, at) -> switch (accessKeyId) {
        case USER_KEY -> new CredentialStore.Found(SecretAccessKey.of("user-secret"), new Principal(
                Principal.Kind.USER, ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/alice", "AIDAALICEEXAMPLE"));
        case ENDED_SESSION_KEY -> new CredentialStore.Refused(CredentialStore.Reason.EXPIRED_SESSION_TOKEN);
        default -> roots.find(accessKeyId, token, at);
    };
    private final SigV4Verifier verifier = new SigV4Verifier(credentials, clock);
    private final EmbeddedChannel channel = new EmbeddedChannel(new InOrderResponses(),
            new AdminHttpHandler(AdminRoutes.create(new TimeTravel(clock, new Housekeeping()), "test",
                    services.lifecycle(), ACCOUNT, "us-east-1"), Runnable::run,
                    new AdminAuthentication(AuthMode.VERIFY, verifier)),
            new KmsHttpHandler(dispatcher, (target, body) -> Runnable::run, new KmsAuthentication(AuthMode.VERIFY,
                    verifier, new Accounts("000000000000", Map.of()), "us-east-1")));

    private record Reply(int status, JsonNode body) {
    }

    @AfterEach
    void finish() {
        assertFalse(channel.finishAndReleaseAll(), "no response or buffer left behind");
        storage.close();
    }

    @Test
    void rootSignedRequest_actsInItsAccount_andTheSignedRegion() throws Exception {
        Reply reply = send(signed(kms("TrentService.CreateKey", "{}"), "AKIAROOTEXAMPLE", "root-secret",
                Optional.empty(), START, "kms"));

        assertEquals(200, reply.status(), reply.body()::toString);
        assertTrue(reply.body().at("/KeyMetadata/Arn").asText()
                .startsWith("arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/"));
    }

    @Test
    void unsigned_isMissingAuthenticationToken() throws Exception {
        assertRefused("MissingAuthenticationTokenException", "Request is missing Authentication Token",
                send(kms("TrentService.ListKeys", "{}")));
    }

    @Test
    void unknownAccessKey_isUnrecognizedClient() throws Exception {
        assertRefused("UnrecognizedClientException", "The security token included in the request is invalid.",
                send(signed(kms("TrentService.ListKeys", "{}"), "AKIANOBODYEXAMPLE", "x", Optional.empty(), START,
                        "kms")));
    }

    @Test
    void wrongSecret_isInvalidSignature() throws Exception {
        assertRefused("InvalidSignatureException", "The request signature we calculated does not match the signature"
                        + " you provided. Check your AWS Secret Access Key and signing method. Consult the service"
                        + " documentation for details.",
                send(signed(kms("TrentService.ListKeys", "{}"), "AKIAROOTEXAMPLE", "wrong", Optional.empty(), START,
                        "kms")));
    }

    @Test
    void forgedSessionToken_isUnrecognizedClient() throws Exception {
        assertRefused("UnrecognizedClientException", "The security token included in the request is invalid.",
                send(signed(kms("TrentService.ListKeys", "{}"), "AKIAROOTEXAMPLE", "root-secret",
                        Optional.of("IQoJb3JpZ2luX2VjEforged"), START, "kms")));
    }

    @Test
    void expiredSessionToken_isExpiredToken() throws Exception {
        assertRefused("ExpiredTokenException", "The security token included in the request is expired",
                send(signed(kms("TrentService.ListKeys", "{}"), ENDED_SESSION_KEY, "session-secret",
                        Optional.of("IQoJb3JpZ2luX2VjEended"), START, "kms")));
    }

    @Test
    void signatureReplayedAfterTheClockMovesSixMinutes_isSignatureExpired() throws Exception {
        FullHttpRequest original = signed(kms("TrentService.ListKeys", "{}"), "AKIAROOTEXAMPLE", "root-secret",
                Optional.empty(), START, "kms");
        FullHttpRequest replay = original.copy();
        assertEquals(200, send(original).status());

        clock.advance(Duration.ofMinutes(6));

        channel.writeInbound(replay);
        FullHttpResponse refusal = channel.readOutbound();
        try {
            assertEquals("Thu, 01 Jan 2026 00:17:00 GMT", refusal.headers().get("Date"),
                    "the server's time, by which SDKs correct their clock");
            assertRefused("InvalidSignatureException", "Signature expired: 20260101T001100Z is now earlier than"
                            + " 20260101T001200Z (20260101T001700Z - 5 min.)",
                    new Reply(refusal.status().code(), JSON.readTree(refusal.content().toString(StandardCharsets.UTF_8))));
        } finally {
            refusal.release();
        }
    }

    @Test
    void absoluteFormRequestTarget_isSignedAsItsPathAndQuery() {
        assertEquals("/?a=b%20c", SignedRequests.originForm("http://localhost:4566/?a=b%20c"));
        assertEquals("/", SignedRequests.originForm("http://localhost:4566"));
        assertEquals("/_trent/clock", SignedRequests.originForm("/_trent/clock"));
    }

    @Test
    void signatureOverADifferentBody_isInvalidSignature() throws Exception {
        FullHttpRequest signed = signed(kms("TrentService.CreateKey", "{\"Description\":\"a\"}"), "AKIAROOTEXAMPLE",
                "root-secret", Optional.empty(), START, "kms");
        FullHttpRequest tampered = signed.replace(Unpooled.copiedBuffer("{\"Description\":\"b\"}",
                StandardCharsets.UTF_8));
        signed.release();

        assertEquals("InvalidSignatureException", send(tampered).body().get("__type").asText());
    }

    @Test
    void signedForAnotherService_isInvalidSignature() throws Exception {
        assertRefused("InvalidSignatureException", "Credential should be scoped to correct service: 'kms'.",
                send(signed(kms("TrentService.ListKeys", "{}"), "AKIAROOTEXAMPLE", "root-secret", Optional.empty(),
                        START, "sts")));
    }

    @Test
    void incompleteAuthorization_isEscapedIntoValidJson() throws Exception {
        FullHttpRequest request = kms("TrentService.ListKeys", "{}");
        request.headers().set("Authorization", "AWS4-HMAC-SHA256 Credential=\"quoted\\\"");
        request.headers().set("X-Amz-Date", "20260101T001100Z");

        Reply reply = send(request);
        assertEquals("IncompleteSignatureException", reply.body().get("__type").asText());
        assertTrue(reply.body().get("message").asText()
                .endsWith("Authorization=AWS4-HMAC-SHA256 Credential=\"quoted\\\""));
    }

    @Test
    void adminApi_refusesUnsigned_butHealthAnswers() throws Exception {
        Reply refused = send(admin(HttpMethod.GET, "/_trent/clock"));
        assertEquals(403, refused.status());
        assertEquals("MissingAuthenticationTokenException", refused.body().get("error").asText());

        assertEquals(200, send(admin(HttpMethod.GET, "/_trent/health")).status());
        assertEquals(200, send(admin(HttpMethod.GET, "/_localstack/health")).status());
    }

    @Test
    void adminApi_takesRootSignedRequests_andRefusesOtherPrincipals() throws Exception {
        Reply root = send(signed(admin(HttpMethod.GET, "/_trent/clock"), "AKIAROOTEXAMPLE", "root-secret",
                Optional.empty(), START, "kms"));
        assertEquals(200, root.status(), root.body()::toString);

        Reply user = send(signed(admin(HttpMethod.GET, "/_trent/clock"), USER_KEY, "user-secret", Optional.empty(),
                START, "kms"));
        assertEquals(403, user.status());
        assertEquals("AccessDeniedException", user.body().get("error").asText());
        assertEquals("The admin API takes only requests signed with an account's root credentials or an admin"
                + " principal's; arn:aws:iam::111122223333:user/alice is neither.", user.body().get("message").asText());
    }

    @Test
    void adminApi_takesConfiguredAdminUsers_andSessionsOfAdminRoles_only() {
        String user = "arn:aws:iam::" + ACCOUNT + ":user/alice";
        String role = "arn:aws:iam::" + ACCOUNT + ":role/ops/TrentAdmin";
        CredentialStore sessions = (accessKeyId, token, at) -> new CredentialStore.Found(
                SecretAccessKey.of("session-secret"), new Principal(Principal.Kind.ASSUMED_ROLE, ACCOUNT,
                        "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + accessKeyId + "/s1", "AROAEXAMPLE:s1"));
        AdminAuthentication admins = new AdminAuthentication(AuthMode.ENFORCE,
                new SigV4Verifier(sessions, clock), Set.of(role));
        AdminAuthentication users = new AdminAuthentication(AuthMode.ENFORCE, verifier, Set.of(user));

        assertTrue(admins.refusal(signedAdmin("TrentAdmin", "session-secret")).isEmpty());
        assertTrue(admins.refusal(signedAdmin("Other", "session-secret")).isPresent());
        assertTrue(users.refusal(signedAdmin(USER_KEY, "user-secret")).isEmpty());
        assertTrue(users.refusal(signedAdmin("AKIAROOTEXAMPLE", "root-secret")).isEmpty());
        assertTrue(new AdminAuthentication(AuthMode.ENFORCE, verifier).refusal(signedAdmin(USER_KEY, "user-secret"))
                .isPresent());
    }

    private SignedRequest signedAdmin(String accessKeyId, String secret) {
        FullHttpRequest request = signed(admin(HttpMethod.GET, "/_trent/clock"), accessKeyId, secret,
                Optional.empty(), START, "kms");
        try {
            byte[] body = new byte[request.content().readableBytes()];
            request.content().getBytes(request.content().readerIndex(), body);
            return SignedRequests.copyOf(request, body);
        } finally {
            request.release();
        }
    }

    private static void assertRefused(String type, String message, Reply reply) {
        assertEquals(400, reply.status());
        assertEquals(type, reply.body().get("__type").asText());
        assertEquals(message, reply.body().get("message").asText());
    }

    private static FullHttpRequest kms(String target, String body) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        request.headers().set("Host", "localhost:4566")
                .set("Content-Type", "application/x-amz-json-1.1")
                .set("X-Amz-Target", target);
        return request;
    }

    private static FullHttpRequest admin(HttpMethod method, String path) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path);
        request.headers().set("Host", "localhost:4566");
        return request;
    }

    /** Signs the way an SDK does: every header present, X-Amz-Date and the token added. */
    private static FullHttpRequest signed(FullHttpRequest request, String accessKeyId, String secret,
                                          Optional<String> token, Instant at, String service) {
        byte[] body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        SignedRequest view = SignedRequests.copyOf(request, body);
        new SigV4Signer().sign(view, accessKeyId, SecretAccessKey.of(secret), token, at, "eu-west-1", service)
                .headers().forEach(header -> request.headers().add(header.getKey(), header.getValue()));
        return request;
    }

    private Reply send(FullHttpRequest request) throws Exception {
        channel.writeInbound(request);
        FullHttpResponse response = channel.readOutbound();
        try {
            return new Reply(response.status().code(),
                    JSON.readTree(response.content().toString(StandardCharsets.UTF_8)));
        } finally {
            response.release();
        }
    }
}
