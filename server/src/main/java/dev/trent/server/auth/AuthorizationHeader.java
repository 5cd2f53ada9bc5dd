package dev.trent.server.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a SigV4 Authorization header:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date,
 * Signature=<64 hex>}.
 *
 * @param signedHeaders lower-case header names, in the order the header lists them
 */
public record AuthorizationHeader(String accessKeyId, CredentialScope scope, List<String> signedHeaders,
                                  String signature) {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    public AuthorizationHeader {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /**
     * Reads {@code value}; {@code amzDate} (the X-Amz-Date header, if any) is only used to word AWS's answer when
     * the header lacks parts.
     *
     * @throws AuthenticationException (IncompleteSignature) when a part is missing or malformed
     */
    public static AuthorizationHeader parse(String value, Optional<String> amzDate) {
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        if (value.startsWith(ALGORITHM + " ")) {
            for (String part : value.substring(ALGORITHM.length()).split(",")) {
                String element = part.strip();
                if (element.startsWith("Credential=")) {
                    credential = element.substring("Credential=".length());
                } else if (element.startsWith("SignedHeaders=")) {
                    signedHeaders = element.substring("SignedHeaders=".length());
                } else if (element.startsWith("Signature=")) {
                    signature = element.substring("Signature=".length());
                }
            }
        }
        List<String> missing = new ArrayList<>();
        if (isEmpty(credential)) {
            missing.add("Authorization header requires 'Credential' parameter.");
        }
        if (isEmpty(signature)) {
            missing.add("Authorization header requires 'Signature' parameter.");
        }
        if (isEmpty(signedHeaders)) {
            missing.add("Authorization header requires 'SignedHeaders' parameter.");
        }
        if (amzDate.isEmpty()) {
            missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!missing.isEmpty()) {
            throw AuthenticationException.incomplete(String.join(" ", missing) + " Authorization=" + value);
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || scope[0].isEmpty()) {
            throw AuthenticationException.incomplete("Credential must have exactly 5 slash-delimited elements,"
                    + " e.g. keyid/date/region/service/term, got '" + credential + "'");
        }
        return new AuthorizationHeader(scope[0], new CredentialScope(scope[1], scope[2], scope[3], scope[4]),
                List.of(signedHeaders.split(";")), signature);
    }

    private static boolean isEmpty(String part) {
        return part == null || part.isEmpty();
    }

    /** The credential scope, checked against the request by the verifier. */
    public record CredentialScope(String date, String region, String service, String terminator) {

        /** {@code date/region/service/aws4_request}, as it appears in the string to sign. */
        public String asString() {
            return date + "/" + region + "/" + service + "/" + terminator;
        }
    }
}
