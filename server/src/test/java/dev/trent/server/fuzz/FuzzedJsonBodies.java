package dev.trent.server.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.api.Members;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Request bodies built from fuzzer data: a JSON object whose members are the model's member names and whose
 * values are of any JSON type, drawn often from values Trent will recognise (ids of keys that exist, a real
 * ciphertext, enum values), so the fuzzer gets past parsing into the operations themselves.
 */
final class FuzzedJsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final List<String> MEMBERS = List.of("AliasName", "AttestationDocument", "BypassPolicyLockoutSafetyCheck",
            "CiphertextBlob", "CloudHsmClusterId", "Constraints", "CustomKeyStoreId", "CustomKeyStoreName",
            "CustomKeyStoreType", "CustomerMasterKeySpec", "Description", "DestinationEncryptionAlgorithm",
            "DestinationEncryptionContext", "DestinationKeyId", "DryRun", "DryRunModifiers", "EncryptedKeyMaterial",
            "EncryptionAlgorithm", "EncryptionContext", "EncryptionContextEquals", "EncryptionContextSubset",
            "ExpirationModel", "GrantId", "GrantToken", "GrantTokens", "GranteePrincipal", "ImportToken",
            "ImportType", "IncludeKeyMaterial", "KeyAgreementAlgorithm", "KeyEncryptionAlgorithm", "KeyId",
            "KeyMaterialDescription", "KeyMaterialId", "KeyPairSpec", "KeySpec", "KeyStorePassword", "KeyUsage",
            "Limit", "Mac", "MacAlgorithm", "Marker", "Message", "MessageType", "MultiRegion", "Name",
            "NewAliasName", "NewCustomKeyStoreName", "NumberOfBytes", "Operations", "Origin", "PendingWindowInDays",
            "Plaintext", "Policy", "PolicyName", "PrimaryRegion", "PublicKey", "Recipient", "ReplicaRegion",
            "RetiringPrincipal", "RotationPeriodInDays", "Signature", "SigningAlgorithm",
            "SourceEncryptionAlgorithm", "SourceEncryptionContext", "SourceKeyId", "TagKey", "TagKeys", "TagValue",
            "Tags", "TargetKeyId", "TrustAnchorCertificate", "ValidTo", "WrappingAlgorithm", "WrappingKeySpec",
            "XksKeyId", "_custom_id_");

    private static final List<String> WORDS = List.of(FuzzedTrent.SYMMETRIC, FuzzedTrent.RSA,
            FuzzedTrent.ECC_SIGN, FuzzedTrent.HMAC, FuzzedTrent.ECC_AGREEMENT, FuzzedTrent.EXTERNAL,
            FuzzedTrent.ALIAS, "alias/aws/s3", "arn:aws:kms:us-east-1:111122223333:key/" + FuzzedTrent.SYMMETRIC,
            "arn:aws:kms:us-east-1:111122223333:" + FuzzedTrent.ALIAS, "arn:aws:iam::111122223333:root",
            "eu-west-1", "default", "RSAES_OAEP_SHA_256", "RSA_AES_KEY_WRAP_SHA_256", "RSA_2048", "RSA_4096",
            "SYMMETRIC_DEFAULT", "ECDSA_SHA_256", "RSASSA_PSS_SHA_256", "HMAC_SHA_256", "ECDH", "RAW", "DIGEST",
            "KEY_MATERIAL_EXPIRES", "KEY_MATERIAL_DOES_NOT_EXPIRE", "NEW_KEY_MATERIAL", "EXISTING_KEY_MATERIAL",
            "AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "Encrypt", "Decrypt", "GenerateDataKey", "AES_256", "AES_128",
            "ECC_NIST_P256", "ML_DSA_44", "SM2", "IGNORE_SIGNATURE", "AAECAw==", "", " ", "\u0000", "é");

    /** Numbers at the edges of what members and the JSON parser take: int, long and double limits and beyond. */
    private static final List<String> EDGE_NUMBERS = List.of("0", "-1", "1", "7", "30", "366", "2147483647",
            "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "1e308", "1e309", "-1e309", "1e-400", "0.5", "-0.0", "1E2", "100000000000000000000000000000");

    private final List<String> words;

    FuzzedJsonBodies(String ciphertext) {
        List<String> all = new ArrayList<>(WORDS);
        all.addAll(Members.KEY_SPEC_ORDER);
        all.addAll(Members.KEY_USAGE_ORDER);
        all.add(ciphertext);
        this.words = List.copyOf(all);
    }

    /** A JSON object of up to six members, as UTF-8. */
    byte[] object(FuzzedDataProvider data) {
        ObjectNode root = members(data, 6, 2);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode members(FuzzedDataProvider data, int most, int depth) {
        ObjectNode node = NODES.objectNode();
        int count = data.consumeInt(0, most);
        for (int i = 0; i < count; i++) {
            String name = data.consumeBoolean() ? data.pickValue(MEMBERS) : data.pickValue(words);
            node.set(name, value(data, depth));
        }
        return node;
    }

    private JsonNode value(FuzzedDataProvider data, int depth) {
        return switch (data.consumeInt(0, depth > 0 ? 9 : 7)) {
            case 0 -> NODES.textNode(data.pickValue(words));
            case 1 -> NODES.textNode(data.consumeString(64));
            case 2 -> NODES.numberNode(data.consumeInt());
            case 3 -> NODES.numberNode(data.consumeLong());
            case 4 -> NODES.numberNode(data.consumeBoolean() ? new BigDecimal(data.pickValue(EDGE_NUMBERS))
                    : BigDecimal.valueOf(data.consumeLong()).scaleByPowerOfTen(data.consumeInt(-400, 400)));
            case 5 -> NODES.booleanNode(data.consumeBoolean());
            case 6 -> NODES.textNode(Base64.getEncoder().encodeToString(data.consumeBytes(data.consumeInt(0, 600))));
            case 7 -> NODES.nullNode();
            case 8 -> {
                ArrayNode array = NODES.arrayNode();
                int count = data.consumeInt(0, 4);
                for (int i = 0; i < count; i++) {
                    array.add(data.consumeBoolean() ? members(data, 3, depth - 1) : value(data, depth - 1));
                }
                yield array;
            }
            default -> members(data, 4, depth - 1);
        };
    }
}
