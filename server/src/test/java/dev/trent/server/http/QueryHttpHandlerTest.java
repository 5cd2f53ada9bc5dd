package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.api.Dispatcher;
import dev.trent.server.api.OperationRegistry;
import dev.trent.server.api.Services;
import dev.trent.server.auth.AuthMode;
import dev.trent.server.auth.ChainedCredentials;
import dev.trent.server.auth.RootCredentials;
import dev.trent.server.auth.SecretAccessKey;
import dev.trent.server.auth.SigV4Signer;
import dev.trent.server.auth.SigV4Verifier;
import dev.trent.server.auth.SignedRequest;
import dev.trent.server.iam.IamFixture;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.sts.SessionCredentials;
import dev.trent.storage.Storage;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The query-protocol handler in front of the KMS handler on an EmbeddedChannel: form-encoded requests reach IAM
 * or STS by the credential scope's service or the Action, KMS requests pass by, and with --auth verify the
 * verifier's refusals come back as IAM's and STS's XML errors.
 */
class QueryHttpHandlerTest {

    private static final String ACCOUNT = IamFixture.ACCOUNT;

    private final IamFixture iam = new IamFixture();
    private final Storage storage = Storage.inMemory();
    private final Services services = Services.over(KeyRepository.load(storage.barrier(), iam.clock), iam.clock);
    private final RootCredentials roots = new RootCredentials(List.of(
            new RootCredentials.Entry(ACCOUNT, "AKIAROOTEXAMPLE", SecretAccessKey.of("root-secret"))));
    private final SigV4Verifier verifier = new SigV4Verifier(new ChainedCredentials(List.of(roots,
            new SessionCredentials(iam.tokens))), iam.clock);
    private final Accounts accounts = new Accounts("000000000000", Map.of());

    private EmbeddedChannel channel;

    private record Reply(int status, String contentType, String body) {
    }

    private EmbeddedChannel channel(AuthMode mode) {
        channel = new EmbeddedChannel(new InOrderResponses(),
                new QueryHttpHandler(List.of(iam.iam, iam.sts), new QueryAuthentication(mode,
                        mode.verifiesSignatures() ? verifier : null, accounts, "us-east-1"), Runnable::run),
                new KmsHttpHandler(new Dispatcher(new OperationRegistry(services)), (t, b) -> Runnable::run,
                        new KmsAuthentication(mode, mode.verifiesSignatures() ? verifier : null, accounts,
                                "us-east-1")));
        return channel;
    }

    @AfterEach
    void finish() {
        assertFalse(channel.finishAndReleaseAll(), "no response or buffer left behind");
        storage.close();
    }

    @Test
    void offMode_unsignedStsRequest_actsAsTheDefaultAccountsRoot() {
        channel(AuthMode.OFF);

        Reply reply = send(form("Action=GetCallerIdentity&Version=2011-06-15"));

        assertEquals(200, reply.status());
        assertEquals("text/xml", reply.contentType());
        assertTrue(reply.body().contains("<Account>000000000000</Account><Arn>arn:aws:iam::000000000000:root</Arn>"),
                reply.body());
    }

    @Test
    void offMode_iamActionGoesToIam_inTheAccountOfA12DigitAccessKey() {
        channel(AuthMode.OFF);
        FullHttpRequest request = form("Action=CreateUser&Version=2010-05-08&UserName=ana");
        request.headers().set("Authorization", "AWS4-HMAC-SHA256 Credential=444455556666/20261203/us-east-1/iam/"
                + "aws4_request, SignedHeaders=host, Signature=00");

        Reply reply = send(request);

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.body().startsWith("<CreateUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"));
        assertTrue(reply.body().contains("<Arn>arn:aws:iam::444455556666:user/ana</Arn>"), reply.body());
    }

    @Test
    void kmsRequests_passByToTheKmsHandler() {
        channel(AuthMode.OFF);
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
        request.headers().set("Host", "localhost").set("Content-Type", "application/x-amz-json-1.1")
                .set("X-Amz-Target", "TrentService.ListKeys");

        Reply reply = send(request);

        assertEquals(200, reply.status());
        assertTrue(reply.body().startsWith("{"), reply.body());
    }

    @Test
    void verifyMode_signedRequestActsAsItsSigner() {
        channel(AuthMode.VERIFY);

        Reply reply = send(signed(form("Action=GetCallerIdentity&Version=2011-06-15"), "AKIAROOTEXAMPLE",
                "root-secret", Optional.empty(), "sts"));

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.body().contains("<Arn>arn:aws:iam::" + ACCOUNT + ":root</Arn>"), reply.body());
    }

    @Test
    void verifyMode_refusalsAreStsXmlErrors() {
        channel(AuthMode.VERIFY);

        assertError(send(form("Action=GetCallerIdentity&Version=2011-06-15")), 403, "MissingAuthenticationToken",
                "Request is missing Authentication Token");
        assertError(send(signed(form("Action=GetCallerIdentity"), "AKIANOBODY", "x", Optional.empty(), "sts")),
                403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        assertError(send(signed(form("Action=GetCallerIdentity"), "AKIAROOTEXAMPLE", "wrong", Optional.empty(),
                "sts")), 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the"
                + " signature you provided. Check your AWS Secret Access Key and signing method. Consult the service"
                + " documentation for details.");
        assertError(send(signed(form("Action=GetCallerIdentity"), "ASIAFORGEDFORGED", "x",
                Optional.of("forged"), "sts")), 403, "InvalidClientTokenId",
                "The security token included in the request is invalid.");
    }

    @Test
    void verifyMode_expiredSession_isExpiredToken() {
        channel(AuthMode.VERIFY);
        IamFixture.Reply issued = iam.sts(IamFixture.ROOT, "GetSessionToken", "DurationSeconds", "900");
        String keyId = issued.at("//Credentials/AccessKeyId");
        String secret = issued.at("//Credentials/SecretAccessKey");
        String token = issued.at("//Credentials/SessionToken");
        iam.clock.advance(java.time.Duration.ofSeconds(900));

        assertError(send(signed(form("Action=GetCallerIdentity"), keyId, secret, Optional.of(token), "sts")), 403,
                "ExpiredToken", "The security token included in the request is expired");
    }

    @Test
    void verifyMode_signedForKmsButSentAsIam_isRefused() {
        channel(AuthMode.VERIFY);
        FullHttpRequest request = signed(form("Action=ListAccessKeys&Version=2010-05-08"), "AKIAROOTEXAMPLE",
                "root-secret", Optional.empty(), "kms");

        assertError(send(request), 403, "SignatureDoesNotMatch",
                "Credential should be scoped to correct service: 'iam'.");
    }

    private static void assertError(Reply reply, int status, String code, String message) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.body().contains("<Code>" + code + "</Code><Message>" + message + "</Message>"),
                reply.body());
    }

    private static FullHttpRequest form(String body) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        request.headers().set("Host", "localhost:4566")
                .set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        return request;
    }

    private FullHttpRequest signed(FullHttpRequest request, String accessKeyId, String secret,
                                   Optional<String> token, String service) {
        byte[] body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        SignedRequest view = SignedRequests.copyOf(request, body);
        Instant at = iam.clock.instant();
        new SigV4Signer().sign(view, accessKeyId, SecretAccessKey.of(secret), token, at, "us-east-1", service)
                .headers().forEach(header -> request.headers().add(header.getKey(), header.getValue()));
        return request;
    }

    private Reply send(FullHttpRequest request) {
        channel.writeInbound(request);
        FullHttpResponse response = channel.readOutbound();
        try {
            return new Reply(response.status().code(), response.headers().get("Content-Type"),
                    response.content().toString(StandardCharsets.UTF_8));
        } finally {
            response.release();
        }
    }
}
