package dev.trent.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/** {@code @ExtendWith(TrentExtension.class)}: one Trent for the class, its nested classes and its @BeforeAll. */
@ExtendWith(TrentExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassTest {

    private static URI endpointBeforeAll;
    private static String keyId;

    @BeforeAll
    static void createKey(RunningTrent trent, KmsClient kms) {
        endpointBeforeAll = trent.endpoint();
        keyId = kms.createKey(b -> b.description("shared")).keyMetadata().keyId();
    }

    @Test
    @Order(1)
    void theTrentOfBeforeAll_servesTheTests(RunningTrent trent, KmsClient kms) {
        assertEquals(endpointBeforeAll, trent.endpoint());
        assertTrue(trent.endpoint().toString().startsWith("http://127.0.0.1:"), trent.endpoint().toString());
        assertEquals("us-east-1", trent.region());
        assertEquals("000000000000", trent.accountId());
        SdkBytes blob = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("hi"))).ciphertextBlob();
        assertEquals("hi", kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String());
    }

    @Test
    @Order(2)
    void keysMadeEarlierInTheClass_areStillThere(KmsClient kms) {
        assertEquals("shared", kms.describeKey(b -> b.keyId(keyId)).keyMetadata().description());
    }

    @Nested
    class Inner {
        @Test
        void nestedClasses_shareTheOuterTrent(RunningTrent trent) {
            assertEquals(endpointBeforeAll, trent.endpoint());
        }
    }
}
