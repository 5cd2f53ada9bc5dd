package dev.trent.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/** The steps of SigV4 that signing and verifying share: payload hash, string to sign, signature. */
final class SigV4 {

    /** {@code X-Amz-Date}'s format, ISO 8601 basic: {@code 20150830T123600Z}. */
    static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SigV4() {
    }

    static String amzDate(Instant instant) {
        return AMZ_DATE.format(instant);
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The hex signature of {@code request} under {@code signingKey}. */
    static String signature(SignedRequest request, List<String> signedHeaders, String amzDate,
                            AuthorizationHeader.CredentialScope scope, byte[] signingKey) {
        String canonical = CanonicalRequest.of(request, signedHeaders, sha256Hex(request.body()));
        String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + amzDate + "\n" + scope.asString() + "\n"
                + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(SigningKeys.hmac(signingKey, stringToSign));
    }
}
