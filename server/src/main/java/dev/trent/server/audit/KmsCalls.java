package dev.trent.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How CloudTrail records a KMS call: event source {@code kms.amazonaws.com}, the request's members as
 * {@code requestParameters}, the key as an {@code AWS::KMS::Key} resource by its ARN, {@code readOnly} for reads
 * and for the cryptographic operations, and {@code responseElements} only for calls that change something.
 */
public final class KmsCalls {

    public static final String EVENT_SOURCE = "kms.amazonaws.com";
    private static final String TARGET_PREFIX = "TrentService.";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The cryptographic operations, which CloudTrail marks read-only like Describe, Get and List calls. */
    private static final Set<String> READ_ONLY = Set.of("Decrypt", "DeriveSharedSecret", "Encrypt",
            "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
            "GenerateDataKeyWithoutPlaintext", "GenerateMac", "GenerateRandom", "ReEncrypt", "Sign", "Verify",
            "VerifyMac");

    private KmsCalls() {
    }

    /** The operation {@code target} ({@code TrentService.Encrypt}) names, or the target itself for an unknown one. */
    public static String eventName(String target) {
        if (target == null) {
            return "UnknownOperation";
        }
        return target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
    }

    public static boolean isReadOnly(String operation) {
        return READ_ONLY.contains(operation) || operation.startsWith("Describe") || operation.startsWith("Get")
                || operation.startsWith("List");
    }

    /** The call {@code body} makes to {@code target}, by {@code identity} in {@code region}. */
    public static ApiCall describe(String target, byte[] body, String region, UserIdentity identity, String sourceIp,
                                   String userAgent, String requestId) {
        String operation = eventName(target);
        JsonNode request = parse(body);
        List<EventResource> resources = new ArrayList<>();
        if (request != null) {
            for (String member : new String[] {"KeyId", "SourceKeyId", "DestinationKeyId"}) {
                keyArn(request.path(member).asText(""), region, identity.principal().account())
                        .ifPresent(arn -> resources.add(EventResource.kmsKey(arn)));
            }
        }
        return new ApiCall(EVENT_SOURCE, operation, region, identity, sourceIp, userAgent, requestId,
                Redaction.of(request), isReadOnly(operation), resources);
    }

    /** The outcome an answer of {@code status} with {@code body} tells of. */
    public static ApiCall.Outcome outcome(String operation, int status, byte[] body) {
        JsonNode response = parse(body);
        if (status != 200) {
            String type = response == null ? "InternalFailure" : response.path("__type").asText("InternalFailure");
            JsonNode message = response == null ? null : response.get("message");
            return ApiCall.Outcome.refused(type.substring(type.indexOf('#') + 1),
                    message == null || message.isNull() ? null : message.asText());
        }
        List<EventResource> resources = new ArrayList<>();
        if (response != null) {
            for (JsonNode arn : new JsonNode[] {response.path("KeyId"), response.path("SourceKeyId"),
                    response.path("KeyMetadata").path("Arn")}) {
                if (arn.isTextual() && arn.asText().startsWith("arn:")) {
                    resources.add(EventResource.kmsKey(arn.asText()));
                }
            }
        }
        return ApiCall.Outcome.succeeded(isReadOnly(operation) ? null : Redaction.of(response), resources);
    }

    /** A key named by ARN or bare id, as an ARN; aliases name no key by themselves. */
    static java.util.Optional<String> keyArn(String keyId, String region, String account) {
        if (keyId.startsWith("arn:") && keyId.contains(":key/")) {
            return java.util.Optional.of(keyId);
        }
        if (keyId.matches("(mrk-)?[0-9a-fA-F-]{32,36}")) {
            return java.util.Optional.of("arn:aws:kms:" + region + ":" + account + ":key/" + keyId);
        }
        return java.util.Optional.empty();
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
