package dev.trent.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.api.Dispatcher;
import dev.trent.server.api.OperationRegistry;
import dev.trent.server.api.Services;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON request layer: any of the model's operations, with a body that is either arbitrary bytes or a JSON
 * object built from the fuzzer's choices of member names and values (keys that exist, ciphertexts, enum values,
 * numbers at their limits), is answered below 500 with the protocol's error shape.
 */
class JsonRequestFuzzTest {

    /** Every operation of the KMS model, fixed here so a seed input keeps naming the same operation. */
    static final List<String> OPERATIONS = List.of(
            "CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias", "CreateCustomKeyStore", "CreateGrant",
            "CreateKey", "Decrypt", "DeleteAlias", "DeleteCustomKeyStore", "DeleteImportedKeyMaterial",
            "DeriveSharedSecret", "DescribeCustomKeyStores", "DescribeKey", "DisableKey", "DisableKeyRotation",
            "DisconnectCustomKeyStore", "EnableKey", "EnableKeyRotation", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext",
            "GenerateMac", "GenerateRandom", "GetKeyLastUsage", "GetKeyPolicy", "GetKeyRotationStatus",
            "GetParametersForImport", "GetPublicKey", "ImportKeyMaterial", "ListAliases", "ListGrants",
            "ListKeyPolicies", "ListKeyRotations", "ListKeys", "ListResourceTags", "ListRetirableGrants",
            "PutKeyPolicy", "ReEncrypt", "ReplicateKey", "RetireGrant", "RevokeGrant", "RotateKeyOnDemand",
            "ScheduleKeyDeletion", "Sign", "TagResource", "UntagResource", "UpdateAlias", "UpdateCustomKeyStore",
            "UpdateKeyDescription", "UpdatePrimaryRegion", "Verify", "VerifyMac");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Fixture TRENT = new Fixture();

    @AfterAll
    static void stop() {
        TRENT.close();
    }

    @Test
    void operations_areTheRegistrysFiftyFour() {
        try (Storage storage = Storage.inMemory()) {
            OperationRegistry registry = new OperationRegistry(
                    Services.over(KeyRepository.load(storage.barrier()), Clock.systemUTC()));
            assertEquals(54, OPERATIONS.size());
            assertEquals(registry.operations().keySet(), Set.copyOf(OPERATIONS));
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anyOperationAndBody_isAnsweredBelow500(FuzzedDataProvider data) {
        FuzzedTrent trent = TRENT.get();
        String target = "TrentService." + OPERATIONS.get(data.consumeInt(0, OPERATIONS.size() - 1));
        byte[] body = data.consumeBoolean()
                ? new FuzzedJsonBodies(trent.ciphertext()).object(data)
                : data.consumeRemainingAsBytes();

        Dispatcher.Result result = InTime.run(() -> trent.dispatch(target, body),
                () -> target + " " + new String(body, StandardCharsets.UTF_8));

        String answer = new String(result.body(), StandardCharsets.UTF_8);
        String context = target + " " + new String(body, StandardCharsets.UTF_8) + " -> " + result.status() + " "
                + answer;
        assertTrue(result.status() < 500, () -> "server error: " + context);
        JsonNode parsed = parse(result.body(), context);
        if (result.status() >= 400) {
            assertTrue(parsed.path("__type").isTextual(), () -> "error without a __type: " + context);
        }
    }

    private static JsonNode parse(byte[] body, String context) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("answer is not JSON: " + context, e);
        }
    }
}
