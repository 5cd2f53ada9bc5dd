package dev.trent.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.time.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each refusal of the verifier, with the answer AWS gives for it, and what a good signature is verified as. */
class SigV4VerifierTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:11:00Z");
    private static final String ACCOUNT = "111122223333";
    private static final String BODY = "{\"KeyId\":\"alias/app\"}";

    private final MovableClock clock = new MovableClock(Clock.fixed(NOW, ZoneOffset.UTC));
    private final RootCredentials roots = new RootCredentials(List.of(
            new RootCredentials.Entry(ACCOUNT, "AKIAROOTEXAMPLE", SecretAccessKey.of("root-secret"))));
    private final SigV4Verifier verifier = new SigV4Verifier(roots, clock);
    private final SigV4Signer signer = new SigV4Signer();

    @Test
    void verify_goodSignature_isTheAccountRoot() {
        SigV4Verifier.Verified verified = verifier.verify(signed("AKIAROOTEXAMPLE", "root-secret", NOW, BODY));

        assertEquals(Principal.root(ACCOUNT), verified.principal());
        assertEquals("arn:aws:iam::111122223333:root", verified.principal().arn());
        assertEquals("eu-west-1", verified.region());
        assertEquals("kms", verified.service());
        assertEquals("AKIAROOTEXAMPLE", verified.accessKeyId());
    }

    @Test
    void verify_noAuthorization_isMissingAuthenticationToken() {
        SignedRequest unsigned = SignedRequest.of("POST", "/", List.of(Map.entry("Host", "localhost:4566")),
                BODY.getBytes(StandardCharsets.UTF_8));

        assertRefused(AuthenticationException.Failure.MISSING_AUTHENTICATION_TOKEN,
                "Request is missing Authentication Token", unsigned);
    }

    @Test
    void verify_unknownAccessKey_isUnrecognizedClient() {
        assertRefused(AuthenticationException.Failure.UNRECOGNIZED_CLIENT,
                "The security token included in the request is invalid.",
                signed("AKIAUNKNOWNEXAMPLE", "root-secret", NOW, BODY));
    }

    @Test
    void verify_wrongSecret_isSignatureMismatch() {
        assertRefused(AuthenticationException.Failure.INVALID_SIGNATURE, "The request signature we calculated does"
                        + " not match the signature you provided. Check your AWS Secret Access Key and signing method."
                        + " Consult the service documentation for details.",
                signed("AKIAROOTEXAMPLE", "not-the-secret", NOW, BODY));
    }

    @Test
    void verify_bodyChangedAfterSigning_isSignatureMismatch() {
        SignedRequest good = signed("AKIAROOTEXAMPLE", "root-secret", NOW, BODY);
        SignedRequest changed = new SignedRequest(good.method(), good.rawPath(), good.rawQuery(), good.headers(),
                "{\"KeyId\":\"alias/other\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals(AuthenticationException.Failure.INVALID_SIGNATURE,
                assertThrows(AuthenticationException.class, () -> verifier.verify(changed)).failure());
    }

    @Test
    void verify_signedMoreThanFiveMinutesAgo_isSignatureExpired_withAwsTimes() {
        SignedRequest old = signed("AKIAROOTEXAMPLE", "root-secret", Instant.parse("2026-01-01T00:00:00Z"), BODY);

        assertRefused(AuthenticationException.Failure.INVALID_SIGNATURE, "Signature expired: 20260101T000000Z is now"
                + " earlier than 20260101T000600Z (20260101T001100Z - 5 min.)", old);
    }

    @Test
    void verify_signedMoreThanFiveMinutesAhead_isNotYetCurrent_withAwsTimes() {
        SignedRequest ahead = signed("AKIAROOTEXAMPLE", "root-secret", Instant.parse("2026-01-01T00:16:01Z"), BODY);

        assertRefused(AuthenticationException.Failure.INVALID_SIGNATURE, "Signature not yet current:"
                + " 20260101T001601Z is still later than 20260101T001600Z (20260101T001100Z + 5 min.)", ahead);
    }

    @Test
    void verify_exactlyFiveMinutesOff_isStillAccepted() {
        verifier.verify(signed("AKIAROOTEXAMPLE", "root-secret", NOW.minus(Duration.ofMinutes(5)), BODY));
        verifier.verify(signed("AKIAROOTEXAMPLE", "root-secret", NOW.plus(Duration.ofMinutes(5)), BODY));
    }

    @Test
    void verify_sameRequestAfterTheClockMoves_isExpired() {
        SignedRequest request = signed("AKIAROOTEXAMPLE", "root-secret", NOW, BODY);
        verifier.verify(request);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> verifier.verify(request));
        assertEquals("Signature expired: 20260101T001100Z is now earlier than 20260101T001101Z"
                + " (20260101T001601Z - 5 min.)", e.getMessage());
    }

    @Test
    void verify_sessionTokenOnARootKey_isUnrecognizedClient() {
        SignedRequest forged = sign(request(BODY), "AKIAROOTEXAMPLE", "root-secret", Optional.of("FQoGZXIvYXdzEforged"),
                NOW);

        assertRefused(AuthenticationException.Failure.UNRECOGNIZED_CLIENT,
                "The security token included in the request is invalid.", forged);
    }

    @Test
    void verify_expiredSessionToken_isExpiredToken() {
        CredentialStore sessions = (accessKeyId, token, at) -> token.isPresent()
                ? new CredentialStore.Refused(CredentialStore.Reason.EXPIRED_SESSION_TOKEN)
                : new CredentialStore.Refused(CredentialStore.Reason.UNKNOWN_ACCESS_KEY);
        SignedRequest request = sign(request(BODY), "ASIASESSIONEXAMPLE", "s", Optional.of("token"), NOW);

        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> new SigV4Verifier(sessions, clock).verify(request));
        assertEquals(AuthenticationException.Failure.EXPIRED_TOKEN, e.failure());
        assertEquals("ExpiredTokenException", e.failure().jsonType());
        assertEquals("The security token included in the request is expired", e.getMessage());
    }

    @Test
    void verify_hostNotSigned_isRefused() {
        SignedRequest good = signed("AKIAROOTEXAMPLE", "root-secret", NOW, BODY);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : good.headers()) {
            headers.add(header.getKey().equals("Authorization")
                    ? Map.entry("Authorization", header.getValue().replace(";host;", ";"))
                    : header);
        }

        assertRefused(AuthenticationException.Failure.INCOMPLETE_SIGNATURE,
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
                new SignedRequest(good.method(), good.rawPath(), good.rawQuery(), headers, good.body()));
    }

    @Test
    void verify_authorizationWithoutSignature_isIncomplete() {
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIAROOTEXAMPLE/20260101/eu-west-1/kms/aws4_request,"
                + " SignedHeaders=host;x-amz-date";
        SignedRequest request = SignedRequest.of("POST", "/", List.of(Map.entry("Host", "localhost"),
                Map.entry("X-Amz-Date", "20260101T001100Z"), Map.entry("Authorization", authorization)), new byte[0]);

        assertRefused(AuthenticationException.Failure.INCOMPLETE_SIGNATURE,
                "Authorization header requires 'Signature' parameter. Authorization=" + authorization, request);
    }

    @Test
    void verify_scopeDateNotTheRequestDate_isRefused() {
        SignedRequest good = signed("AKIAROOTEXAMPLE", "root-secret", NOW, BODY);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : good.headers()) {
            headers.add(header.getKey().equals("Authorization")
                    ? Map.entry("Authorization", header.getValue().replace("/20260101/", "/20251231/")) : header);
        }

        assertRefused(AuthenticationException.Failure.INVALID_SIGNATURE, "Date in Credential scope does not match"
                        + " YYYYMMDD from ISO-8601 version of date from HTTP: '20251231' != '20260101', from"
                        + " '20260101T001100Z'.",
                new SignedRequest(good.method(), good.rawPath(), good.rawQuery(), headers, good.body()));
    }

    private void assertRefused(AuthenticationException.Failure failure, String message, SignedRequest request) {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> verifier.verify(request));
        assertEquals(failure, e.failure());
        assertEquals(message, e.getMessage());
    }

    private static SignedRequest request(String body) {
        return SignedRequest.of("POST", "/", List.of(Map.entry("Host", "localhost:4566"),
                        Map.entry("Content-Type", "application/x-amz-json-1.1"),
                        Map.entry("X-Amz-Target", "TrentService.DescribeKey")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private SignedRequest signed(String accessKeyId, String secret, Instant at, String body) {
        return sign(request(body), accessKeyId, secret, Optional.empty(), at);
    }

    private SignedRequest sign(SignedRequest request, String accessKeyId, String secret, Optional<String> token,
                               Instant at) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
        headers.addAll(signer.sign(request, accessKeyId, SecretAccessKey.of(secret), token, at, "eu-west-1", "kms")
                .headers());
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }
}
