package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MultiRegionConfiguration;
import software.amazon.awssdk.services.kms.model.MultiRegionKey;
import software.amazon.awssdk.services.kms.model.MultiRegionKeyType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.ReplicateKeyResponse;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/** Multi-Region keys through the SDK: mrk ids, replicas in another Region, shared material, primary moves. */
class MultiRegionKeyTest extends TrentTestBase {

    private static final String WEST = "eu-west-1";

    @TempDir
    Path dataDir;

    private KeyMetadata newPrimary() {
        return kms.createKey(b -> b.description("test multi region key").multiRegion(true)).keyMetadata();
    }

    private static MultiRegionKey regionKey(String region, String keyId) {
        return MultiRegionKey.builder().arn(keyArn(region, keyId)).region(region).build();
    }

    @Test
    void createKey_multiRegion_hasMrkIdAndPrimaryConfiguration() {
        KeyMetadata key = newPrimary();
        assertTrue(key.keyId().matches("mrk-[0-9a-f]{32}"), key.keyId());
        assertTrue(key.multiRegion());
        MultiRegionConfiguration config = key.multiRegionConfiguration();
        assertEquals(MultiRegionKeyType.PRIMARY, config.multiRegionKeyType());
        assertEquals(regionKey(REGION, key.keyId()), config.primaryKey());
        assertEquals(List.of(), config.replicaKeys());
        assertTrue(config.hasReplicaKeys(), "AWS sends an empty ReplicaKeys list");
        assertEquals(key, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata());

        KeyMetadata hmac = kms.createKey(b -> b.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)
                .multiRegion(true)).keyMetadata();
        assertTrue(hmac.keyId().startsWith("mrk-"));
        KeyMetadata rsa = kms.createKey(b -> b.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.SIGN_VERIFY)
                .multiRegion(true)).keyMetadata();
        assertTrue(rsa.multiRegion());
    }

    @Test
    void nonMultiRegionKey_hasNoMultiRegionConfiguration() {
        KeyMetadata key = newSymmetricKey();
        assertFalse(key.multiRegion());
        assertNull(key.multiRegionConfiguration());
    }

    @Test
    void replicateKey_describesBothSides_withTheReplicasOwnMetadata() {
        KeyMetadata primary = newPrimary();
        KmsClient west = clientIn(Region.EU_WEST_1);
        ReplicateKeyResponse response = kms.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion(WEST)
                .description("replica").tags(Tag.builder().tagKey("team").tagValue("west").build()));

        KeyMetadata created = response.replicaKeyMetadata();
        assertEquals(primary.keyId(), created.keyId());
        assertEquals(keyArn(WEST, primary.keyId()), created.arn());
        assertEquals(KeyState.CREATING, created.keyState());
        assertEquals(MultiRegionKeyType.REPLICA, created.multiRegionConfiguration().multiRegionKeyType());
        assertTrue(response.replicaPolicy().contains("arn:aws:iam::" + ACCOUNT + ":root"));
        assertEquals(List.of(Tag.builder().tagKey("team").tagValue("west").build()), response.replicaTags());

        List<MultiRegionKey> replicas = List.of(regionKey(WEST, primary.keyId()));
        KeyMetadata east = kms.describeKey(b -> b.keyId(primary.keyId())).keyMetadata();
        assertEquals(MultiRegionKeyType.PRIMARY, east.multiRegionConfiguration().multiRegionKeyType());
        assertEquals(replicas, east.multiRegionConfiguration().replicaKeys());
        assertEquals("test multi region key", east.description());

        KeyMetadata replica = west.describeKey(b -> b.keyId(primary.keyId())).keyMetadata();
        assertEquals(KeyState.ENABLED, replica.keyState());
        assertTrue(replica.enabled());
        assertEquals("replica", replica.description());
        assertEquals(MultiRegionKeyType.REPLICA, replica.multiRegionConfiguration().multiRegionKeyType());
        assertEquals(regionKey(REGION, primary.keyId()), replica.multiRegionConfiguration().primaryKey());
        assertEquals(replicas, replica.multiRegionConfiguration().replicaKeys());
        assertEquals(east.currentKeyMaterialId(), replica.currentKeyMaterialId());
        assertEquals(List.of(Tag.builder().tagKey("team").tagValue("west").build()),
                west.listResourceTags(b -> b.keyId(primary.keyId())).tags());
        assertEquals(List.of(), kms.listResourceTags(b -> b.keyId(primary.keyId())).tags());
    }

    @Test
    void ciphertext_decryptsWithTheRelatedKeyInTheOtherRegion_bothWays() {
        KeyMetadata primary = newPrimary();
        KmsClient west = clientIn(Region.EU_WEST_1);
        kms.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion(WEST));
        SdkBytes plaintext = utf8("crosses Regions");

        SdkBytes fromEast = kms.encrypt(b -> b.keyId(primary.keyId()).plaintext(plaintext)).ciphertextBlob();
        var decrypted = west.decrypt(b -> b.ciphertextBlob(fromEast));
        assertEquals(plaintext, decrypted.plaintext());
        assertEquals(keyArn(WEST, primary.keyId()), decrypted.keyId());

        SdkBytes fromWest = west.encrypt(b -> b.keyId(primary.keyId()).plaintext(plaintext)).ciphertextBlob();
        assertEquals(plaintext, kms.decrypt(b -> b.ciphertextBlob(fromWest)).plaintext());
    }

    @Test
    void replicateKey_ofAReplica_fails_withTheRecordedMessage() {
        KeyMetadata primary = newPrimary();
        KmsClient west = clientIn(Region.EU_WEST_1);
        kms.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion(WEST));

        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> west.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion("ap-south-1")));
        assertEquals(keyArn(WEST, primary.keyId()) + " is not a multi-region primary key.",
                e.awsErrorDetails().errorMessage());
        assertThrows(AlreadyExistsException.class,
                () -> kms.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion(WEST)));
        assertThrows(AlreadyExistsException.class,
                () -> kms.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion(REGION)));
        KeyMetadata single = newSymmetricKey();
        assertThrows(UnsupportedOperationException.class,
                () -> kms.replicateKey(b -> b.keyId(single.keyId()).replicaRegion(WEST)));
    }

    @Test
    void updatePrimaryRegion_swapsPrimaryAndReplica() {
        KeyMetadata primary = newPrimary();
        KmsClient west = clientIn(Region.EU_WEST_1);
        kms.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion(WEST));

        assertThrows(NotFoundException.class,
                () -> kms.updatePrimaryRegion(b -> b.keyId(primary.keyId()).primaryRegion("ap-south-1")));
        kms.updatePrimaryRegion(b -> b.keyId(primary.keyId()).primaryRegion(WEST));

        MultiRegionConfiguration east = kms.describeKey(b -> b.keyId(primary.keyId())).keyMetadata()
                .multiRegionConfiguration();
        MultiRegionConfiguration westConfig = west.describeKey(b -> b.keyId(primary.keyId())).keyMetadata()
                .multiRegionConfiguration();
        assertEquals(MultiRegionKeyType.REPLICA, east.multiRegionKeyType());
        assertEquals(MultiRegionKeyType.PRIMARY, westConfig.multiRegionKeyType());
        assertEquals(regionKey(WEST, primary.keyId()), east.primaryKey());
        assertEquals(List.of(regionKey(REGION, primary.keyId())), westConfig.replicaKeys());
        assertThrows(UnsupportedOperationException.class,
                () -> kms.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion("ap-south-1")));
        KeyMetadata single = newSymmetricKey();
        assertThrows(UnsupportedOperationException.class,
                () -> kms.updatePrimaryRegion(b -> b.keyId(single.keyId()).primaryRegion(WEST)));
    }

    @Test
    void multiRegionKeys_surviveARestart() throws Exception {
        String keyId;
        SdkBytes ciphertext;
        SdkBytes plaintext = utf8("written before the restart");
        TrentConfig config = TrentConfig.builder().port(0).dataDir(dataDir).build();
        try (TrentServer first = TrentServer.start(config);
                KmsClient east = KmsClients.create(first.endpoint(), Region.US_EAST_1)) {
            keyId = east.createKey(b -> b.multiRegion(true)).keyMetadata().keyId();
            east.replicateKey(b -> b.keyId(keyId).replicaRegion(WEST).description("replica"));
            east.updatePrimaryRegion(b -> b.keyId(keyId).primaryRegion(WEST));
            ciphertext = east.encrypt(b -> b.keyId(keyId).plaintext(plaintext)).ciphertextBlob();
        }
        try (TrentServer second = TrentServer.start(config);
                KmsClient east = KmsClients.create(second.endpoint(), Region.US_EAST_1);
                KmsClient west = KmsClients.create(second.endpoint(), Region.EU_WEST_1)) {
            KeyMetadata replica = west.describeKey(b -> b.keyId(keyId)).keyMetadata();
            assertEquals("replica", replica.description());
            assertEquals(MultiRegionKeyType.PRIMARY, replica.multiRegionConfiguration().multiRegionKeyType());
            assertEquals(MultiRegionKeyType.REPLICA,
                    east.describeKey(b -> b.keyId(keyId)).keyMetadata().multiRegionConfiguration().multiRegionKeyType());
            assertEquals(plaintext, west.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext());
        }
    }
}
