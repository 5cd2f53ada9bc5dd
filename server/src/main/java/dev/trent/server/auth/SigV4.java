package dev.trent.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/** The steps of SigV4 that signing and verifying share: payload hash, string to sign, signature. */
final class SigV4 {

    /** {@code X-Amz-Date}'s format, ISO 8601 basic: {@code 20150830T123600Z}. */
    static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** One digest per thread: looking the algorithm up costs more than hashing a typical request. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private SigV4() {
    }

    static String amzDate(Instant instant) {
        return AMZ_DATE.format(instant);
    }

    /**
     * {@code yyyyMMdd'T'HHmmss'Z'} read by hand: every signed request carries one, and a formatter's general
     * parser costs more than the rest of the date handling. Null when it is not such a date.
     */
    static Instant parseAmzDate(String text) {
        if (text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            return null;
        }
        try {
            LocalDateTime time = LocalDateTime.of(digits(text, 0, 4), digits(text, 4, 2), digits(text, 6, 2),
                    digits(text, 9, 2), digits(text, 11, 2), digits(text, 13, 2));
            return time.toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static String sha256Hex(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(data));
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
