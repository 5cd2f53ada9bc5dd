package dev.trent.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kms.KmsClient;

/** {@code perClass().resetBetweenTests()}: one Trent for the class, empty at the start of every test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetBetweenTestsTest {

    @RegisterExtension
    static final TrentExtension TRENT = TrentExtension.perClass().resetBetweenTests();

    private static URI endpointBeforeAll;
    private String keyOfThisTest;

    @BeforeAll
    static void createKey(RunningTrent trent, KmsClient kms) {
        endpointBeforeAll = trent.endpoint();
        kms.createKey(b -> b.description("made before all"));
    }

    @BeforeEach
    void createKeyForTheTest(KmsClient kms) {
        keyOfThisTest = kms.createKey(b -> b.description("made before each")).keyMetadata().keyId();
    }

    @Test
    @Order(1)
    void eachTest_seesOnlyWhatItsBeforeEachMade(RunningTrent trent, KmsClient kms) {
        assertEquals(endpointBeforeAll, trent.endpoint(), "one Trent for the class");
        assertEquals(1, kms.listKeys().keys().size());
        assertEquals(keyOfThisTest, kms.listKeys().keys().get(0).keyId());
        kms.createAlias(b -> b.aliasName("alias/left-behind").targetKeyId(keyOfThisTest));
    }

    @Test
    @Order(2)
    void whatTheTestBeforeLeft_isGone(RunningTrent trent, KmsClient kms) {
        assertEquals(endpointBeforeAll, trent.endpoint());
        assertEquals(1, kms.listKeys().keys().size());
        assertTrue(kms.listAliases().aliases().stream().noneMatch(a -> a.aliasName().equals("alias/left-behind")));
    }

    @Test
    @Order(3)
    void aTestCanResetOnItsOwn_too(RunningTrent trent, KmsClient kms) {
        assertEquals(1, trent.reset().keys());
        assertTrue(kms.listKeys().keys().isEmpty());
    }
}
