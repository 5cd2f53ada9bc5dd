package dev.trent.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kms.KmsClient;

/** {@link TrentExtension#perTest()}: every test starts from an empty Trent of its own. */
class PerTestTest {

    @RegisterExtension
    static final TrentExtension TRENT = TrentExtension.perTest()
            .configured(config -> config.defaultRegion("eu-central-1").accountId("111122223333"));

    private static final List<URI> ENDPOINTS = new ArrayList<>();

    @RepeatedTest(3)
    void everyTest_seesNoKeysOfTheOthers(RunningTrent trent, KmsClient kms) {
        assertEquals(List.of(), kms.listKeys().keys());
        String arn = kms.createKey(b -> b.description("mine")).keyMetadata().arn();
        assertEquals("arn:aws:kms:eu-central-1:111122223333:key/", arn.substring(0, arn.lastIndexOf('/') + 1));
        ENDPOINTS.add(trent.endpoint());
    }

    @AfterAll
    static void eachTestHadItsOwnServer() {
        assertEquals(3, ENDPOINTS.size());
        assertNotEquals(ENDPOINTS.get(0), ENDPOINTS.get(1));
        assertNotEquals(ENDPOINTS.get(1), ENDPOINTS.get(2));
        URI first = ENDPOINTS.get(0);
        assertThrows(ConnectException.class, () -> new Socket(first.getHost(), first.getPort()).close(),
                "the Trent of a finished test is stopped");
    }
}
