package dev.trent.server.http;

import java.util.Optional;

/**
 * Reads the credential scope of a SigV4 Authorization header:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/kms/aws4_request, SignedHeaders=..., Signature=...}.
 * Signatures are not verified; the scope only tells which access key and Region the caller means.
 */
public record SigV4Scope(String accessKeyId, String region) {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** The service name of the credential scope ({@code kms}, {@code iam}, {@code sts}), if there is one. */
    public static Optional<String> serviceOf(String authorization) {
        return credential(authorization).filter(scope -> scope.length == 5).map(scope -> scope[3]);
    }

    private static Optional<String[]> credential(String authorization) {
        if (authorization == null || !authorization.startsWith(ALGORITHM)) {
            return Optional.empty();
        }
        for (String part : authorization.substring(ALGORITHM.length()).split(",")) {
            String element = part.trim();
            if (element.startsWith("Credential=")) {
                return Optional.of(element.substring("Credential=".length()).split("/"));
            }
        }
        return Optional.empty();
    }

    public static Optional<SigV4Scope> parse(String authorization) {
        if (authorization == null || !authorization.startsWith(ALGORITHM)) {
            return Optional.empty();
        }
        for (String part : authorization.substring(ALGORITHM.length()).split(",")) {
            String element = part.trim();
            if (element.startsWith("Credential=")) {
                String[] scope = element.substring("Credential=".length()).split("/");
                if (scope.length == 5 && !scope[2].isEmpty()) {
                    return Optional.of(new SigV4Scope(scope[0], scope[2]));
                }
            }
        }
        return Optional.empty();
    }
}
