package dev.trent.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Set;

/**
 * Which KMS requests hold a thread far longer than the rest: generating a key pair, generating an import wrapping
 * key, unwrapping imported material, copying a key to another Region, and talking to a custom key store's token.
 * Everything else is quick and must not wait behind them.
 */
public final class ExpensiveWork {

    private static final String PREFIX = "TrentService.";
    private static final Set<String> ALWAYS = Set.of("ImportKeyMaterial", "GetParametersForImport", "ReplicateKey",
            "CreateCustomKeyStore", "ConnectCustomKeyStore", "DisconnectCustomKeyStore", "DeleteCustomKeyStore",
            "UpdateCustomKeyStore");
    /** Key specs whose keys are made without generating a key pair. */
    private static final Set<String> NO_KEY_PAIR = Set.of("SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384",
            "HMAC_512");

    private ExpensiveWork() {
    }

    /** True when the request {@code target} with {@code body} is expensive; a body that does not parse is not. */
    public static boolean isExpensive(String target, byte[] body) {
        if (target == null || !target.startsWith(PREFIX)) {
            return false;
        }
        String operation = target.substring(PREFIX.length());
        if (ALWAYS.contains(operation)) {
            return true;
        }
        return switch (operation) {
            case "CreateKey" -> member(body, "KeySpec", "CustomerMasterKeySpec")
                    .map(spec -> !NO_KEY_PAIR.contains(spec)).orElse(false)
                    || member(body, "Origin").map("AWS_CLOUDHSM"::equals).orElse(false);
            case "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext" ->
                    member(body, "KeyPairSpec").map(spec -> spec.startsWith("RSA_")).orElse(false);
            default -> false;
        };
    }

    /** The first of {@code names} present in the body as a string. */
    private static java.util.Optional<String> member(byte[] body, String... names) {
        if (body.length == 0) {
            return java.util.Optional.empty();
        }
        JsonNode tree;
        try {
            tree = JsonRequest.JSON.readTree(body);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        if (tree == null || !tree.isObject()) {
            return java.util.Optional.empty();
        }
        for (String name : names) {
            JsonNode value = tree.get(name);
            if (value != null && value.isTextual()) {
                return java.util.Optional.of(value.textValue());
            }
        }
        return java.util.Optional.empty();
    }
}
