package dev.trent.server.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Signs a request the way the AWS SDKs do, for Trent's own clients (the {@code trent} commands that call the
 * admin API) and for tests. The request must already carry its {@code Host} header.
 */
public final class SigV4Signer {

    /** The headers to add to the request: X-Amz-Date, X-Amz-Security-Token when there is one, Authorization. */
    public record Signature(List<Map.Entry<String, String>> headers) {
    }

    private final SigningKeys keys = new SigningKeys();

    /**
     * Signs {@code request} at {@code at} for {@code region} and {@code service}, covering every header it
     * carries plus X-Amz-Date and the session token.
     */
    public Signature sign(SignedRequest request, String accessKeyId, SecretAccessKey secret,
                          Optional<String> sessionToken, Instant at, String region, String service) {
        String amzDate = SigV4.amzDate(at);
        List<Map.Entry<String, String>> added = new ArrayList<>();
        added.add(Map.entry("X-Amz-Date", amzDate));
        sessionToken.ifPresent(token -> added.add(Map.entry("X-Amz-Security-Token", token)));
        List<Map.Entry<String, String>> all = new ArrayList<>(request.headers());
        all.addAll(added);
        SignedRequest signed = new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), all,
                request.body());
        TreeSet<String> names = new TreeSet<>();
        all.forEach(header -> names.add(SignedRequest.lower(header.getKey())));
        List<String> signedHeaders = List.copyOf(names);
        AuthorizationHeader.CredentialScope scope = new AuthorizationHeader.CredentialScope(
                amzDate.substring(0, 8), region, service, "aws4_request");
        String signature = SigV4.signature(signed, signedHeaders, amzDate, scope,
                keys.forScope(secret, scope.date(), region, service));
        added.add(Map.entry("Authorization", AuthorizationHeader.ALGORITHM + " Credential=" + accessKeyId + "/"
                + scope.asString() + ", SignedHeaders=" + String.join(";", signedHeaders)
                + ", Signature=" + signature));
        return new Signature(added);
    }
}
