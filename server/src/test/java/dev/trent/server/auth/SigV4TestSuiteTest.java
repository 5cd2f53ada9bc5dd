package dev.trent.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Known answers from AWS's published SigV4 test suite (header-signed requests of the {@code v4} suite, all signed
 * by AKIDEXAMPLE at 2015-08-30T12:36:00Z for us-east-1 and the service {@code service}): the verifier accepts
 * every signed request, the signer reproduces every signature, and one changed byte is refused. Every failure
 * is collected before asserting.
 */
class SigV4TestSuiteTest {

    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
    private static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");
    private static final String ACCOUNT = "111122223333";

    /** A suite case: the request as sent (request line, headers, blank line, body) and its signature. */
    private record Vector(String name, String request, List<String> signedHeaders, String signature) {
    }

    private static final List<Vector> VECTORS = List.of(
            new Vector("get-vanilla", "GET / HTTP/1.1\nHost:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
            new Vector("get-relative-normalized", "GET /example/.. HTTP/1.1\nHost:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
            new Vector("get-relative-relative-normalized",
                    "GET /example1/example2/../.. HTTP/1.1\nHost:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
            new Vector("get-slash-dot-slash-normalized", "GET /./ HTTP/1.1\nHost:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
            new Vector("get-slashes-normalized", "GET //example// HTTP/1.1\nHost:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"),
            new Vector("get-space-normalized", "GET /example space/ HTTP/1.1\nHost:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
            new Vector("get-unreserved",
                    "GET /-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz HTTP/1.1\n"
                            + "Host:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
            new Vector("get-utf8", "GET /\u1234 HTTP/1.1\nHost:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
            new Vector("get-vanilla-query-order-key-case",
                    "GET /?Param2=value2&Param1=value1 HTTP/1.1\nHost:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
            new Vector("get-vanilla-query-order-encoded",
                    "GET /?Param-3=Value3&Param=Value2&%E1%88%B4=Value1 HTTP/1.1\nHost:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "371d3713e185cc334048618a97f809c9ffe339c62934c032af5a0e595648fcac"),
            new Vector("get-vanilla-query-unreserved",
                    "GET /?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz="
                            + "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz HTTP/1.1\n"
                            + "Host:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
            new Vector("get-vanilla-utf8-query", "GET /?\u1234=bar HTTP/1.1\nHost:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
            new Vector("get-vanilla-empty-query-key", "GET /?Param1=value1 HTTP/1.1\nHost:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"),
            new Vector("get-header-key-duplicate",
                    "GET / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1:value2\nMy-Header1:value2\n"
                            + "My-Header1:value1\n\n",
                    List.of("host", "my-header1", "x-amz-date"),
                    "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
            new Vector("get-header-value-order",
                    "GET / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1:value4\nMy-Header1:value1\n"
                            + "My-Header1:value3\nMy-Header1:value2\n\n",
                    List.of("host", "my-header1", "x-amz-date"),
                    "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
            new Vector("get-header-value-trim",
                    "GET / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1: value1\nMy-Header2: \"a   b   c\"\n\n",
                    List.of("host", "my-header1", "my-header2", "x-amz-date"),
                    "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
            new Vector("post-vanilla", "POST / HTTP/1.1\nHost:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
            new Vector("post-vanilla-query", "POST /?Param1=value1 HTTP/1.1\nHost:example.amazonaws.com\n\n",
                    List.of("host", "x-amz-date"),
                    "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
            new Vector("post-header-value-case",
                    "POST / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1:VALUE1\n\n",
                    List.of("host", "my-header1", "x-amz-date"),
                    "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"),
            new Vector("post-x-www-form-urlencoded",
                    "POST / HTTP/1.1\nContent-Type:application/x-www-form-urlencoded\nHost:example.amazonaws.com\n"
                            + "Content-Length:13\n"
                            + "x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\n"
                            + "\nParam1=value1",
                    List.of("content-length", "content-type", "host", "x-amz-content-sha256", "x-amz-date"),
                    "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b"));

    private final CredentialStore suiteCredentials = (accessKeyId, token, at) -> {
        if (!accessKeyId.equals(ACCESS_KEY)) {
            return new CredentialStore.Refused(CredentialStore.Reason.UNKNOWN_ACCESS_KEY);
        }
        if (token.isPresent() && !token.get().equals(TOKEN)) {
            return new CredentialStore.Refused(CredentialStore.Reason.INVALID_SESSION_TOKEN);
        }
        return new CredentialStore.Found(SecretAccessKey.of(SECRET), Principal.root(ACCOUNT));
    };
    private final SigV4Verifier verifier = new SigV4Verifier(suiteCredentials, Clock.fixed(SIGNED_AT, ZoneOffset.UTC));

    @Test
    void verify_everySuiteRequestAsSigned_isAccepted() {
        List<String> failures = new ArrayList<>();
        for (Vector vector : VECTORS) {
            try {
                SigV4Verifier.Verified verified = verifier.verify(signed(vector, Optional.empty()));
                if (!verified.principal().equals(Principal.root(ACCOUNT)) || !verified.region().equals("us-east-1")
                        || !verified.service().equals("service")) {
                    failures.add(vector.name() + ": verified as " + verified);
                }
            } catch (AuthenticationException e) {
                failures.add(vector.name() + ": " + e.failure() + " " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void sign_everySuiteRequest_givesThePublishedSignature() {
        SigV4Signer signer = new SigV4Signer();
        List<String> failures = new ArrayList<>();
        for (Vector vector : VECTORS) {
            SignedRequest unsigned = parse(vector.request());
            SigV4Signer.Signature signature = signer.sign(unsigned, ACCESS_KEY, SecretAccessKey.of(SECRET),
                    Optional.empty(), SIGNED_AT, "us-east-1", "service");
            String expected = authorization(vector.signedHeaders(), vector.signature());
            String actual = signature.headers().stream().filter(h -> h.getKey().equals("Authorization"))
                    .findFirst().orElseThrow().getValue();
            if (!expected.equals(actual)) {
                failures.add(vector.name() + ": " + actual);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void verify_sessionTokenVector_isAcceptedWithItsToken() {
        Vector vector = new Vector("get-vanilla-with-session-token", "GET / HTTP/1.1\nHost:example.amazonaws.com\n\n",
                List.of("host", "x-amz-date", "x-amz-security-token"),
                "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8");
        assertEquals(Principal.root(ACCOUNT), verifier.verify(signed(vector, Optional.of(TOKEN))).principal());
    }

    @Test
    void verify_suiteRequestWithOneByteChanged_isRefusedAsMismatch() {
        List<String> failures = new ArrayList<>();
        for (Vector vector : VECTORS) {
            String changed = vector.request().contains("\n\nParam1")
                    ? vector.request().replace("Param1=value1", "Param1=value2")
                    : vector.request().replace("example.amazonaws.com", "exbmple.amazonaws.com");
            try {
                verifier.verify(signed(new Vector(vector.name(), changed, vector.signedHeaders(), vector.signature()),
                        Optional.empty()));
                failures.add(vector.name() + ": accepted");
            } catch (AuthenticationException e) {
                if (e.failure() != AuthenticationException.Failure.INVALID_SIGNATURE
                        || !e.getMessage().startsWith("The request signature we calculated does not match")) {
                    failures.add(vector.name() + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void signingKey_isAwsPublishedDerivationExample() {
        // AWS's documented example: secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, 20120215, us-east-1, iam.
        byte[] key = SigningKeys.derive(SecretAccessKey.of(SECRET), "20120215", "us-east-1", "iam");
        assertEquals("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
                java.util.HexFormat.of().formatHex(key));
        assertTrue(new SigningKeys().forScope(SecretAccessKey.of(SECRET), "20120215", "us-east-1", "iam").length == 32);
    }

    private static String authorization(List<String> signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders="
                + String.join(";", signedHeaders) + ", Signature=" + signature;
    }

    /** The suite's request plus the headers its signed form adds. */
    private static SignedRequest signed(Vector vector, Optional<String> token) {
        SignedRequest request = parse(vector.request());
        List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
        token.ifPresent(t -> headers.add(Map.entry("X-Amz-Security-Token", t)));
        headers.add(Map.entry("X-Amz-Date", "20150830T123600Z"));
        headers.add(Map.entry("Authorization", authorization(vector.signedHeaders(), vector.signature())));
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    private static SignedRequest parse(String text) {
        int blank = text.indexOf("\n\n");
        String[] lines = text.substring(0, blank).split("\n");
        String[] requestLine = lines[0].split(" ");
        String target = lines[0].substring(requestLine[0].length() + 1, lines[0].lastIndexOf(' '));
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1)));
        }
        byte[] body = text.substring(blank + 2).getBytes(StandardCharsets.UTF_8);
        return SignedRequest.of(requestLine[0], target, headers, body);
    }
}
