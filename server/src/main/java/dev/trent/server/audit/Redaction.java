package dev.trent.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a request or response body into CloudTrail's {@code requestParameters}/{@code responseElements}: member
 * names in camelCase ({@code KeyId} becomes {@code keyId}), encryption contexts kept verbatim, and every member
 * that carries secret or bulk bytes left out at any depth: plaintext, ciphertext, messages and signatures, MACs,
 * key material and import tokens, public keys, grant tokens, passwords, secret keys and session tokens.
 */
public final class Redaction {

    /** Members never written to the trail (KMS's blobs and secrets, IAM's and STS's secrets). */
    static final Set<String> SECRET_MEMBERS = Set.of(
            "Plaintext", "CiphertextBlob", "Message", "Signature", "Mac", "EncryptedKeyMaterial", "ImportToken",
            "PublicKey", "Recipient", "GrantTokens", "KeyStorePassword", "XksProxyAuthenticationCredential",
            "CiphertextForRecipient", "PrivateKeyCiphertextBlob", "PrivateKeyPlaintext", "SharedSecret",
            "Password", "NewPassword", "OldPassword", "SecretAccessKey", "SessionToken", "TokenCode",
            "WebIdentityToken", "SAMLAssertion", "Credentials", "AccessKey");

    private Redaction() {
    }

    /** {@code body}'s members, renamed and stripped; null when nothing is left or {@code body} is no object. */
    public static ObjectNode of(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        ObjectNode result = object(body);
        return result.isEmpty() ? null : result;
    }

    private static ObjectNode object(JsonNode node) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (isSecret(name)) {
                continue;
            }
            // A context is a map chosen by the caller: its keys are data, not member names.
            JsonNode value = name.contains("EncryptionContext") ? field.getValue().deepCopy() : value(field.getValue());
            result.set(camelCase(name), value);
        }
        return result;
    }

    private static JsonNode value(JsonNode node) {
        if (node.isObject()) {
            return object(node);
        }
        if (node.isArray()) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> list.add(value(element)));
            return list;
        }
        return node.deepCopy();
    }

    static boolean isSecret(String member) {
        return SECRET_MEMBERS.contains(member) || SECRET_MEMBERS.contains(pascalCase(member));
    }

    static String camelCase(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    private static String pascalCase(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
