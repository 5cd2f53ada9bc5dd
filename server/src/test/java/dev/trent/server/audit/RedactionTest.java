package dev.trent.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void members_becomeCamelCase_andContextKeysStayAsTheCallerWroteThem() throws Exception {
        String recorded = Redaction.of(JSON.readTree("{\"KeyId\":\"k\",\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\","
                + "\"EncryptionContext\":{\"Department\":\"Eng\"},\"Tags\":[{\"TagKey\":\"a\",\"TagValue\":\"b\"}],"
                + "\"Constraints\":{\"EncryptionContextSubset\":{\"Project\":\"X\"}}}")).toString();
        assertEquals("{\"keyId\":\"k\",\"encryptionAlgorithm\":\"SYMMETRIC_DEFAULT\","
                + "\"encryptionContext\":{\"Department\":\"Eng\"},\"tags\":[{\"tagKey\":\"a\",\"tagValue\":\"b\"}],"
                + "\"constraints\":{\"encryptionContextSubset\":{\"Project\":\"X\"}}}", recorded);
    }

    @Test
    void secretsAndBlobs_areLeftOut_atAnyDepth() throws Exception {
        String recorded = Redaction.of(JSON.readTree("{\"KeyId\":\"k\",\"Plaintext\":\"cA==\","
                + "\"CiphertextBlob\":\"Yw==\",\"Message\":\"bQ==\",\"Signature\":\"cw==\",\"GrantTokens\":[\"t\"],"
                + "\"EncryptedKeyMaterial\":\"ZQ==\",\"ImportToken\":\"aQ==\",\"KeyStorePassword\":\"pw\","
                + "\"XksProxyAuthenticationCredential\":{\"AccessKeyId\":\"a\",\"RawSecretAccessKey\":\"s\"},"
                + "\"Recipient\":{\"AttestationDocument\":\"YQ==\"},\"Nested\":{\"PrivateKeyPlaintext\":\"eA==\"}}"))
                .toString();
        assertEquals("{\"keyId\":\"k\",\"nested\":{}}", recorded);
    }

    @Test
    void aBodyWithNothingToRecord_isNull() throws Exception {
        assertNull(Redaction.of(JSON.readTree("{\"Plaintext\":\"cA==\"}")));
        assertNull(Redaction.of(null));
    }
}
