package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** The account of a request comes from its access key; keys of one account are invisible from another. */
class AccountsByAccessKeyTest extends TrentTestBase {

    private KmsClient numeric;
    private KmsClient mapped;

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.accessKeyAccount("AKIDTEAMEXAMPLE", "222233334444");
    }

    @AfterEach
    void closeClients() {
        if (numeric != null) {
            numeric.close();
        }
        if (mapped != null) {
            mapped.close();
        }
    }

    @Test
    void twelveDigitAccessKey_actsInThatAccount_andMappedKeysInTheirs() {
        numeric = client("111122223333");
        mapped = client("AKIDTEAMEXAMPLE");

        assertTrue(numeric.createKey(b -> { }).keyMetadata().arn().startsWith("arn:aws:kms:us-east-1:111122223333:key/"));
        KeyMetadata team = mapped.createKey(b -> { }).keyMetadata();
        assertEquals("222233334444", team.awsAccountId());
        assertTrue(newSymmetricKey().arn().startsWith("arn:aws:kms:us-east-1:" + ACCOUNT + ":key/"),
                "unknown access keys use the default account");
    }

    @Test
    void keysOfAnotherAccount_areInvisible() {
        numeric = client("111122223333");
        KeyMetadata key = numeric.createKey(b -> { }).keyMetadata();

        assertKmsError(NotFoundException.class, "Key '" + keyArn(key.keyId()) + "' does not exist",
                () -> kms.describeKey(b -> b.keyId(key.keyId())));
        assertTrue(kms.listKeys().keys().stream().noneMatch(k -> k.keyId().equals(key.keyId())));
        assertEquals(key.arn(), numeric.describeKey(b -> b.keyId(key.keyId())).keyMetadata().arn());
    }

    private KmsClient client(String accessKey) {
        return KmsClients.create(server.endpoint(), Region.US_EAST_1, accessKey);
    }
}
