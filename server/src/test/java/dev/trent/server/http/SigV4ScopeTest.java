package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The credential scope of a SigV4 Authorization header, as SDKs and the CLI write it. */
class SigV4ScopeTest {

    private static final String SIG = "Signature=" + "fe5f80f7".repeat(8);

    @Test
    void scope_isReadFromEveryWellFormedHeader() {
        List<String> failures = new ArrayList<>();
        String[][] cases = {
            {"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20130524/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date, " + SIG,
                "AKIDEXAMPLE", "us-east-1"},
            {"AWS4-HMAC-SHA256 Credential=ASIAXYZ/20221006/sa-east-1/kms/aws4_request,SignedHeaders=content-length;"
                + "content-type;host;x-amz-date;x-amz-security-token;x-amz-target," + SIG, "ASIAXYZ", "sa-east-1"},
            {"AWS4-HMAC-SHA256 SignedHeaders=host, Credential=AKID/20260101/eu-central-2/kms/aws4_request, " + SIG,
                "AKID", "eu-central-2"},
            {"AWS4-HMAC-SHA256   Credential=AKID/20260101/us-gov-west-1/kms/aws4_request ,  SignedHeaders=host, " + SIG,
                "AKID", "us-gov-west-1"},
        };
        for (String[] c : cases) {
            Optional<SigV4Scope> scope = SigV4Scope.parse(c[0]);
            if (!scope.equals(Optional.of(new SigV4Scope(c[1], c[2])))) {
                failures.add(c[0] + " -> " + scope);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void headersWithoutAUsableScope_giveNothing() {
        List<String> parsed = new ArrayList<>();
        for (String header : Arrays.asList(null, "", "Bearer token",
                "AWS4-ECDSA-P256-SHA256 Credential=AKID/20260101/kms/aws4_request, SignedHeaders=host, " + SIG,
                "AWS4-HMAC-SHA256 Credential=AKID/20260101//kms/aws4_request, SignedHeaders=host, " + SIG,
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/kms/aws4_request, SignedHeaders=host, " + SIG,
                "AWS4-HMAC-SHA256 SignedHeaders=host, " + SIG)) {
            if (SigV4Scope.parse(header).isPresent()) {
                parsed.add(header + " -> " + SigV4Scope.parse(header));
            }
        }
        assertEquals(List.of(), parsed);
    }
}
