package dev.trent.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.pkcs11.Pkcs11Token;
import dev.trent.pkcs11.FreshSoftHsmToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real Trent whose keyring is wrapped by a key in a SoftHSM2 token: KMS data survives a restart. */
class Pkcs11RootOfTrustServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAINTEXT = "hello from behind the token";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    @RegisterExtension
    final FreshSoftHsmToken softHsm = new FreshSoftHsmToken();

    @TempDir
    Path dataDir;

    private TrentConfig config(Path library) {
        return TrentConfig.builder().port(0).dataDir(dataDir)
                .pkcs11(new Pkcs11Root(library, softHsm.label()), softHsm.pin())
                .build();
    }

    @Test
    void createKeyAndEncrypt_thenRestart_decrypts() throws Exception {
        String keyId;
        String ciphertext;
        try (TrentServer server = TrentServer.start(config(softHsm.library()))) {
            keyId = kms(server, "CreateKey", "{}").path("KeyMetadata").path("KeyId").asText();
            ciphertext = kms(server, "Encrypt", JSON.createObjectNode().put("KeyId", keyId)
                    .put("Plaintext", base64(PLAINTEXT)).toString()).path("CiphertextBlob").asText();
        }
        try (Pkcs11Token token = Pkcs11Token.open(softHsm.library(), softHsm.label(), softHsm.pin())) {
            assertTrue(token.keyAttributes("trent-root-of-trust").isNonExtractableAes256());
        }

        try (TrentServer restarted = TrentServer.start(config(softHsm.freshLibrary()))) {
            JsonNode decrypted = kms(restarted, "Decrypt", JSON.createObjectNode()
                    .put("CiphertextBlob", ciphertext).toString());

            assertEquals(keyId, decrypted.path("KeyId").asText().replaceAll(".*/", ""));
            assertEquals(PLAINTEXT, new String(Base64.getDecoder().decode(decrypted.path("Plaintext").asText()),
                    StandardCharsets.UTF_8));
        }
    }

    private JsonNode kms(TrentServer server, String operation, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "TrentService." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
