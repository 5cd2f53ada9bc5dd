package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertKmsErrorType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.pkcs11.SoftHsmToken;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.keystore.Cluster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CloudHsmClusterNotFoundException;
import software.amazon.awssdk.services.kms.model.ConnectionErrorCodeType;
import software.amazon.awssdk.services.kms.model.ConnectionStateType;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreHasCmKsException;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreInvalidStateException;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreNameInUseException;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreNotFoundException;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreType;
import software.amazon.awssdk.services.kms.model.CustomKeyStoresListEntry;
import software.amazon.awssdk.services.kms.model.DescribeCustomKeyStoresResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.OriginType;

/**
 * Custom key stores through the real SDK, on SoftHSM2 tokens offered as CloudHSM clusters: one token for the
 * stores that connect, one that no store may log in to with a wrong PIN.
 */
class CustomKeyStoreTest extends TrentTestBase {

    private static final String CLUSTER = "cluster-234567abcdefg";
    private static final String OTHER_CLUSTER = "cluster-765432gfedcba";
    private static final String TRUST_ANCHOR = trustAnchor();

    private SoftHsmToken token;
    private SoftHsmToken otherToken;

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        token = SoftHsmToken.create();
        otherToken = SoftHsmToken.create();
        return builder
                .cloudHsmCluster(new Cluster(CLUSTER, token.library(), token.label()))
                .cloudHsmCluster(new Cluster(OTHER_CLUSTER, otherToken.library(), otherToken.label()));
    }

    private static String trustAnchor() {
        try (InputStream in = CustomKeyStoreTest.class.getResourceAsStream("/keystore/customerCA.crt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String createStore(String name, String cluster, String password) {
        return kms.createCustomKeyStore(b -> b.customKeyStoreName(name).cloudHsmClusterId(cluster)
                .trustAnchorCertificate(TRUST_ANCHOR).keyStorePassword(password)).customKeyStoreId();
    }

    private CustomKeyStoresListEntry describe(String storeId) {
        List<CustomKeyStoresListEntry> stores = kms.describeCustomKeyStores(b -> b.customKeyStoreId(storeId))
                .customKeyStores();
        assertEquals(1, stores.size());
        return stores.get(0);
    }

    private KeyState state(String keyId) {
        return kms.describeKey(b -> b.keyId(keyId)).keyMetadata().keyState();
    }

    @Test
    void aStoreOnASoftHsmTokenHoldsKeysThatEncryptInsideIt() {
        String storeId = createStore("conformance-store", CLUSTER, token.pinText());
        CustomKeyStoresListEntry created = describe(storeId);
        assertTrue(storeId.matches("cks-[0-9a-f]{17}"), storeId);
        assertEquals("conformance-store", created.customKeyStoreName());
        assertEquals(CLUSTER, created.cloudHsmClusterId());
        assertEquals(TRUST_ANCHOR, created.trustAnchorCertificate());
        assertEquals(ConnectionStateType.DISCONNECTED, created.connectionState());
        assertNull(created.connectionErrorCode());
        assertEquals(CustomKeyStoreType.AWS_CLOUDHSM, created.customKeyStoreType());
        assertNotNull(created.creationDate());
        assertKmsErrorType(CustomKeyStoreInvalidStateException.class, () -> kms.createKey(b -> b
                .origin(OriginType.AWS_CLOUDHSM).customKeyStoreId(storeId)));

        kms.connectCustomKeyStore(b -> b.customKeyStoreId(storeId));
        assertEquals(ConnectionStateType.CONNECTED, describe(storeId).connectionState());
        KeyMetadata key = kms.createKey(b -> b.origin(OriginType.AWS_CLOUDHSM).customKeyStoreId(storeId)
                .description("in a token")).keyMetadata();
        assertEquals(OriginType.AWS_CLOUDHSM, key.origin());
        assertEquals(storeId, key.customKeyStoreId());
        assertEquals(CLUSTER, key.cloudHsmClusterId());
        assertEquals(KeyState.ENABLED, key.keyState());
        KeyMetadata described = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata();
        assertEquals(storeId, described.customKeyStoreId());
        assertEquals(CLUSTER, described.cloudHsmClusterId());

        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("hello, token"))
                .encryptionContext(java.util.Map.of("purpose", "test"))).ciphertextBlob();
        assertEquals("hello, token", kms.decrypt(b -> b.ciphertextBlob(ciphertext)
                .encryptionContext(java.util.Map.of("purpose", "test"))).plaintext().asUtf8String());
        var dataKey = kms.generateDataKey(b -> b.keyId(key.keyId()).numberOfBytes(32));
        assertArrayEquals(dataKey.plaintext().asByteArray(), kms.decrypt(b -> b
                .ciphertextBlob(dataKey.ciphertextBlob())).plaintext().asByteArray());
        assertEquals(32, kms.generateRandom(b -> b.numberOfBytes(32).customKeyStoreId(storeId))
                .plaintext().asByteArray().length);

        kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(storeId));
        assertEquals(ConnectionStateType.DISCONNECTED, describe(storeId).connectionState());
        assertEquals(KeyState.UNAVAILABLE, state(key.keyId()));
        assertKmsError(KmsInvalidStateException.class, key.arn() + " is unavailable.",
                () -> kms.decrypt(b -> b.ciphertextBlob(ciphertext)
                        .encryptionContext(java.util.Map.of("purpose", "test"))));
        assertKmsError(KmsInvalidStateException.class, key.arn() + " is unavailable.",
                () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("x"))));
        assertKmsErrorType(CustomKeyStoreInvalidStateException.class,
                () -> kms.generateRandom(b -> b.numberOfBytes(8).customKeyStoreId(storeId)));
        assertKmsErrorType(CustomKeyStoreHasCmKsException.class,
                () -> kms.deleteCustomKeyStore(b -> b.customKeyStoreId(storeId)));

        kms.connectCustomKeyStore(b -> b.customKeyStoreId(storeId));
        assertEquals(KeyState.ENABLED, state(key.keyId()));
        assertEquals("hello, token", kms.decrypt(b -> b.ciphertextBlob(ciphertext)
                .encryptionContext(java.util.Map.of("purpose", "test"))).plaintext().asUtf8String());
        assertKmsErrorType(CustomKeyStoreInvalidStateException.class,
                () -> kms.deleteCustomKeyStore(b -> b.customKeyStoreId(storeId)));
    }

    @Test
    void aWrongPasswordFailsTheConnectionWithInvalidCredentials() {
        String storeId = createStore("wrong-password", OTHER_CLUSTER, "not-the-pin");
        kms.connectCustomKeyStore(b -> b.customKeyStoreId(storeId));
        CustomKeyStoresListEntry failed = describe(storeId);
        assertEquals(ConnectionStateType.FAILED, failed.connectionState());
        assertEquals(ConnectionErrorCodeType.INVALID_CREDENTIALS, failed.connectionErrorCode());
        assertKmsErrorType(CustomKeyStoreInvalidStateException.class,
                () -> kms.connectCustomKeyStore(b -> b.customKeyStoreId(storeId)));
        kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(storeId));
        kms.updateCustomKeyStore(b -> b.customKeyStoreId(storeId).keyStorePassword(otherToken.pinText())
                .newCustomKeyStoreName("right-password"));
        kms.connectCustomKeyStore(b -> b.customKeyStoreId(storeId));
        assertEquals(ConnectionStateType.CONNECTED, describe(storeId).connectionState());
        assertEquals("right-password", describe(storeId).customKeyStoreName());
        kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(storeId));
        kms.deleteCustomKeyStore(b -> b.customKeyStoreId(storeId));
        assertKmsErrorType(CustomKeyStoreNotFoundException.class, () -> describe(storeId));
    }

    @Test
    void storesAreListedAndTheirNamesAndClustersChecked() {
        assertKmsErrorType(CloudHsmClusterNotFoundException.class,
                () -> createStore("nowhere", "cluster-aaaaaaaaaaaaa", "1234567"));
        assertKmsErrorType(CustomKeyStoreNotFoundException.class,
                () -> kms.describeCustomKeyStores(b -> b.customKeyStoreName("no-such-store")));
        DescribeCustomKeyStoresResponse all = kms.describeCustomKeyStores(b -> b.limit(1000));
        assertFalse(all.truncated());
        for (CustomKeyStoresListEntry store : all.customKeyStores()) {
            assertKmsErrorType(CustomKeyStoreNameInUseException.class,
                    () -> createStore(store.customKeyStoreName(), CLUSTER, "1234567"));
        }
    }
}
