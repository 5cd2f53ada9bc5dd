package dev.trent.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.error.SerializationException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.KeySpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request reading in AWS's validation grammar, as recorded against real AWS. */
class JsonRequestTest {

    private enum DataKeySpec { AES_256, AES_128 }

    private static JsonRequest parse(String json) {
        return JsonRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String violation(JsonRequest request) {
        return assertThrows(ValidationException.class, request::validate).getMessage();
    }

    @Test
    void integerBelowMinimum_givesAwsMessage() {
        JsonRequest request = parse("{\"NumberOfBytes\":0}");
        request.integer("NumberOfBytes", 1, 1024);
        assertEquals("1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1", violation(request));
    }

    @Test
    void blobTooLong_omitsTheValue() {
        JsonRequest request = parse("{\"Plaintext\":\"" + "A".repeat(5464) + "\"}");
        request.blob("Plaintext", 1, 4096);
        assertEquals("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: "
                + "Member must have length less than or equal to 4096", violation(request));
    }

    @Test
    void badEnum_listsTheValueSetInAwsOrder() {
        JsonRequest request = parse("{\"KeySpec\":\"HMAC_random\"}");
        request.enumValue("KeySpec", KeySpec.class, Members.KEY_SPEC_ORDER.subList(0, 12));
        assertEquals("1 validation error detected: Value 'HMAC_random' at 'keySpec' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [RSA_2048, ECC_NIST_P384, ECC_NIST_P256, ECC_NIST_P521, "
                + "HMAC_384, RSA_3072, ECC_SECG_P256K1, RSA_4096, SYMMETRIC_DEFAULT, HMAC_256, HMAC_224, HMAC_512]",
                violation(request));
    }

    @Test
    void severalViolations_areCountedAndJoined() {
        JsonRequest request = parse("{\"Description\":\"\"}");
        request.requiredString("KeyId", 1, 2048);
        request.string("Description", 1, 10);
        assertEquals("2 validation errors detected: Value null at 'keyId' failed to satisfy constraint: Member must "
                + "not be null; Value '' at 'description' failed to satisfy constraint: Member must have length "
                + "greater than or equal to 1", violation(request));
    }

    @Test
    void tagElements_useAwsElementPaths() {
        JsonRequest request = parse("{\"Tags\":[{\"TagKey\":\"" + "k".repeat(129) + "\",\"TagValue\":\"v\"}]}");
        Members.tags(request);
        assertEquals("1 validation error detected: Value '" + "k".repeat(129) + "' at 'tags.1.member.tagKey' failed "
                + "to satisfy constraint: Member must have length less than or equal to 128", violation(request));
    }

    @Test
    void typeMismatch_isASerializationException() {
        assertThrows(SerializationException.class, () -> parse("{\"KeyId\":5}").string("KeyId", 1, 10));
        assertThrows(SerializationException.class, () -> parse("{\"Limit\":\"5\"}").integer("Limit", 1, 10));
        assertThrows(SerializationException.class, () -> parse("{\"DryRun\":\"yes\"}").bool("DryRun"));
        assertThrows(SerializationException.class, () -> parse("{\"Plaintext\":\"***\"}").blob("Plaintext", 1, 10));
        assertThrows(SerializationException.class, () -> parse("[1]"));
        assertThrows(SerializationException.class, () -> parse("{\"a\":"));
    }

    @Test
    void emptyBodyAndNullMembers_readAsAbsent() {
        JsonRequest request = JsonRequest.parse(new byte[0]);
        assertEquals(false, request.has("KeyId"));
        assertEquals(false, parse("{\"KeyId\":null}").has("KeyId"));
    }

    @Test
    void missingRequiredMember_isNamedWithValueNull() {
        JsonRequest request = parse("{}");
        request.requiredString("KeyId", 1, 2048);
        assertEquals("1 validation error detected: Value null at 'keyId' failed to satisfy constraint: "
                + "Member must not be null", violation(request));
    }

    @Test
    void integerAboveMaximum_givesAwsMessage() {
        JsonRequest request = parse("{\"NumberOfBytes\":1025}");
        request.integer("NumberOfBytes", 1, 1024);
        assertEquals("1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: "
                + "Member must have value less than or equal to 1024", violation(request));
    }

    @Test
    void emptyBlob_omitsTheValue_andNamesTheMinimum() {
        JsonRequest request = parse("{\"Plaintext\":\"\"}");
        request.requiredBlob("Plaintext", 1, 4096);
        assertEquals("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", violation(request));
    }

    @Test
    void blobLength_isCountedInDecodedBytes() {
        JsonRequest request = parse("{\"Plaintext\":\"" + java.util.Base64.getEncoder().encodeToString(new byte[4096]) + "\"}");
        assertEquals(4096, request.blob("Plaintext", 1, 4096).orElseThrow().length);
        request.validate();
    }

    @Test
    void usageEnum_listsAwsRecordedValueSet() {
        JsonRequest request = parse("{\"KeyUsage\":\"RANDOM\"}");
        request.enumValue("KeyUsage", dev.trent.server.key.KeyUsage.class, Members.KEY_USAGE_ORDER.subList(0, 3));
        assertEquals("1 validation error detected: Value 'RANDOM' at 'keyUsage' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC]",
                violation(request));
    }

    @Test
    void threeViolations_areCountedAndJoinedInReadingOrder() {
        JsonRequest request = parse("{\"NumberOfBytes\":0,\"KeySpec\":\"AES-256\"}");
        request.requiredString("KeyId", 1, 2048);
        request.integer("NumberOfBytes", 1, 1024);
        request.enumValue("KeySpec", DataKeySpec.class, List.of("AES_256", "AES_128"));
        assertEquals("3 validation errors detected: "
                + "Value null at 'keyId' failed to satisfy constraint: Member must not be null; "
                + "Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1; "
                + "Value 'AES-256' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]",
                violation(request));
    }

    @Test
    void tagValueTooLong_andTagKeyMissing_useElementPaths() {
        JsonRequest request = parse("{\"Tags\":[{\"TagKey\":\"a\",\"TagValue\":\"" + "v".repeat(257)
                + "\"},{\"TagValue\":\"\"}]}");
        Members.tags(request);
        assertEquals("2 validation errors detected: Value '" + "v".repeat(257) + "' at 'tags.1.member.tagValue' "
                + "failed to satisfy constraint: Member must have length less than or equal to 256; "
                + "Value null at 'tags.2.member.tagKey' failed to satisfy constraint: Member must not be null",
                violation(request));
    }

    @Test
    void validRequest_validatesSilently_andReadsItsMembers() {
        JsonRequest request = parse("{\"KeyId\":\"alias/x\",\"Limit\":5,\"DryRun\":true,"
                + "\"EncryptionContext\":{\"b\":\"2\",\"a\":\"1\"},\"KeySpec\":\"RSA_2048\"}");
        assertEquals("alias/x", request.requiredString("KeyId", 1, 2048));
        assertEquals(5, request.integer("Limit", 1, 1000).orElseThrow());
        assertEquals(true, request.bool("DryRun"));
        assertEquals(false, request.bool("Absent"));
        assertEquals(java.util.Map.of("a", "1", "b", "2"), request.stringMap("EncryptionContext"));
        assertEquals(KeySpec.RSA_2048, request.enumValue("KeySpec", KeySpec.class).orElseThrow());
        request.validate();
    }

    @Test
    void structureOrListWhereAStringBelongs_isASerializationException() {
        assertThrows(SerializationException.class, () -> parse("{\"KeyId\":{}}").string("KeyId", 1, 10));
        assertThrows(SerializationException.class, () -> parse("{\"KeyId\":[\"a\"]}").string("KeyId", 1, 10));
        assertThrows(SerializationException.class, () -> parse("{\"EncryptionContext\":[]}").stringMap("EncryptionContext"));
        assertThrows(SerializationException.class, () -> parse("{\"Tags\":{}}").list("Tags", 50, (n, p, r) -> n));
        assertThrows(SerializationException.class, () -> parse("{\"Limit\":1.5}").integer("Limit", 1, 10));
        assertThrows(SerializationException.class, () -> parse("{\"Limit\":99999999999}").integer("Limit", 1, 10));
    }

    @Test
    void timestampBeyondAnyInstant_isASerializationException_notAnInternalError() {
        for (String value : new String[] {"1e400", "-1e400", "1e300", "9.3e18"}) {
            SerializationException e = assertThrows(SerializationException.class,
                    () -> parse("{\"ValidTo\":" + value + "}").timestamp("ValidTo"), value);
            assertEquals("Timestamp value out of range", e.getMessage(), value);
        }
        assertEquals(java.time.Instant.ofEpochSecond(1_700_000_000, 500_000_000),
                parse("{\"ValidTo\":1700000000.5}").timestamp("ValidTo").orElseThrow());
    }
}
