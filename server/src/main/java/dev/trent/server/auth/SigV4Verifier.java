package dev.trent.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a request's SigV4 signature (header form) and tells who signed it. Time is read from the server's
 * clock, so moving that clock expires a signature as waiting would.
 *
 * <p>The signature is recomputed from the request as it arrived and compared in constant time. The payload hash
 * is always computed from the body received, never taken from {@code X-Amz-Content-Sha256}, so a body changed
 * after signing fails however the header was set.
 */
public final class SigV4Verifier {

    /** How far a request's X-Amz-Date may be from the server's time; what KMS allows. */
    public static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);

    private final CredentialStore credentials;
    private final Clock clock;
    private final SigningKeys keys = new SigningKeys();

    /** Who signed a verified request, and the Region and service it signed for. */
    public record Verified(Principal principal, String accessKeyId, String region, String service) {
    }

    public SigV4Verifier(CredentialStore credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The server's time, by which signatures are judged. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * @throws AuthenticationException with AWS's answer when the request is unsigned, wrongly signed, signed
     *                                 too long ago or ahead, or signed with credentials Trent does not hold
     */
    public Verified verify(SignedRequest request) {
        Optional<String> authorization = request.first("Authorization");
        if (authorization.isEmpty()) {
            throw AuthenticationException.missingToken();
        }
        Optional<String> amzDate = request.first("X-Amz-Date");
        AuthorizationHeader header = AuthorizationHeader.parse(authorization.get().strip(), amzDate);
        AuthorizationHeader.CredentialScope scope = header.scope();
        if (!scope.terminator().equals("aws4_request")) {
            throw AuthenticationException.invalidSignature("Credential should be scoped with a valid terminator:"
                    + " 'aws4_request', not '" + scope.terminator() + "'.");
        }
        Instant signedAt = parseDate(amzDate.get());
        if (!amzDate.get().startsWith(scope.date())) {
            throw AuthenticationException.invalidSignature("Date in Credential scope does not match YYYYMMDD from"
                    + " ISO-8601 version of date from HTTP: '" + scope.date() + "' != '"
                    + amzDate.get().substring(0, 8) + "', from '" + amzDate.get() + "'.");
        }
        if (!header.signedHeaders().contains("host")) {
            throw AuthenticationException.incomplete(
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        CredentialStore.Found found = lookUp(header.accessKeyId(), request.first("X-Amz-Security-Token"));
        checkSkew(signedAt);
        byte[] signingKey = keys.forScope(found.secret(), scope.date(), scope.region(), scope.service());
        String expected = SigV4.signature(request, header.signedHeaders(), amzDate.get(), scope, signingKey);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                header.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw AuthenticationException.signatureMismatch();
        }
        return new Verified(found.principal(), header.accessKeyId(), scope.region(), scope.service());
    }

    private CredentialStore.Found lookUp(String accessKeyId, Optional<String> sessionToken) {
        CredentialStore.Lookup lookup = credentials.find(accessKeyId, sessionToken, clock.instant());
        if (lookup instanceof CredentialStore.Found found) {
            return found;
        }
        CredentialStore.Reason reason = ((CredentialStore.Refused) lookup).reason();
        throw switch (reason) {
            case UNKNOWN_ACCESS_KEY, INVALID_SESSION_TOKEN -> AuthenticationException.unrecognizedClient();
            case EXPIRED_SESSION_TOKEN -> AuthenticationException.expiredToken();
        };
    }

    private static Instant parseDate(String amzDate) {
        Instant parsed = SigV4.parseAmzDate(amzDate);
        if (parsed == null) {
            throw AuthenticationException.incomplete("Date must be in ISO-8601 'basic format'. Got '" + amzDate
                    + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        return parsed;
    }

    private void checkSkew(Instant signedAt) {
        Instant now = clock.instant();
        Instant earliest = now.minus(ALLOWED_SKEW);
        Instant latest = now.plus(ALLOWED_SKEW);
        if (signedAt.isBefore(earliest)) {
            throw AuthenticationException.invalidSignature("Signature expired: " + SigV4.amzDate(signedAt)
                    + " is now earlier than " + SigV4.amzDate(earliest) + " (" + SigV4.amzDate(now) + " - 5 min.)");
        }
        if (signedAt.isAfter(latest)) {
            throw AuthenticationException.invalidSignature("Signature not yet current: " + SigV4.amzDate(signedAt)
                    + " is still later than " + SigV4.amzDate(latest) + " (" + SigV4.amzDate(now) + " + 5 min.)");
        }
    }
}
