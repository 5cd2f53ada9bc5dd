package dev.trent.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trent.server.service.UsageTracker;
import java.util.Set;

/**
 * Wraps the cryptographic operations GetKeyLastUsage reports on (the model's KeyLastUsageTrackingOperation) and
 * records each success against the key its response names; ReEncrypt records its source key too.
 */
final class UsageRecording implements Operation {

    static final Set<String> TRACKED = Set.of("Decrypt", "DeriveSharedSecret", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext",
            "GenerateMac", "ReEncrypt", "Sign", "Verify", "VerifyMac");

    private final Operation operation;
    private final UsageTracker usage;

    UsageRecording(Operation operation, UsageTracker usage) {
        this.operation = operation;
        this.usage = usage;
    }

    @Override
    public String name() {
        return operation.name();
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        JsonResponse response = operation.handle(context, request);
        for (String member : new String[] {"KeyId", "SourceKeyId"}) {
            JsonNode arn = response.node().get(member);
            if (arn != null) {
                usage.record(context.scope(), arn.asText(), name(), context.requestId());
            }
        }
        return response;
    }
}
