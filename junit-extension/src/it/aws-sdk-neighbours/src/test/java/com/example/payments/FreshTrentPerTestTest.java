package com.example.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.junit.RunningTrent;
import dev.trent.junit.TrentExtension;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kms.KmsClient;

/** A configured Trent of its own for every test. */
class FreshTrentPerTestTest {

    @RegisterExtension
    static final TrentExtension TRENT = TrentExtension.perTest()
            .configured(config -> config.defaultRegion("eu-west-1").accountId("111122223333"));

    @RepeatedTest(2)
    void everyTest_startsEmptyInTheConfiguredRegionAndAccount(KmsClient kms, RunningTrent trent) {
        assertEquals(List.of(), kms.listKeys().keys());

        String arn = kms.createKey(r -> r.description("mine")).keyMetadata().arn();

        assertTrue(arn.startsWith("arn:aws:kms:eu-west-1:111122223333:key/"), arn);
        assertEquals(1, trent.reset().keys());
        assertEquals(List.of(), kms.listKeys().keys());
    }
}
