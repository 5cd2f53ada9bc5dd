package dev.trent.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.error.InvalidMarkerException;
import dev.trent.server.error.SerializationException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.KeySpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request reading in AWS's validation grammar, as recorded against real AWS. */
class JsonRequestTest {

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
    void paging_markersRoundTrip_andForeignMarkersAreRefused() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        Paging.Page<Integer> first = Paging.page(parse("{\"Limit\":2}"), all, 100, 1000);
        assertEquals(List.of(1, 2), first.items());
        Paging.Page<Integer> second = Paging.page(parse("{\"Limit\":3,\"Marker\":\"" + first.nextMarker() + "\"}"), all, 100, 1000);
        assertEquals(List.of(3, 4, 5), second.items());
        assertEquals(false, second.truncated());
        assertThrows(InvalidMarkerException.class, () -> Paging.page(parse("{\"Marker\":\"garbage\"}"), all, 100, 1000));
    }
}
