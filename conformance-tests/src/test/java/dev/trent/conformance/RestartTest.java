package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;

/** State on disk survives a restart, and a data dir opens only under its own root of trust. */
class RestartTest {

    private static final byte[] MESSAGE = "written before the restart".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @TempDir
    Path elsewhere;

    /** A started server with its client; closing closes both. */
    private record Running(TrentServer server, KmsClient kms) implements AutoCloseable {
        static Running start(TrentConfig config) throws Exception {
            TrentServer server = TrentServer.start(config);
            return new Running(server, KmsClients.create(server.endpoint(), Region.US_EAST_1));
        }

        @Override
        public void close() {
            kms.close();
            server.close();
        }
    }

    private TrentConfig onDisk(Path dir) {
        return TrentConfig.builder().port(0).dataDir(dir).build();
    }

    @Test
    void restart_keepsKeysStatesAliasesTagsAndOldCiphertextsDecrypt() throws Exception {
        KeyMetadata active;
        KeyMetadata disabled;
        KeyMetadata pending;
        KeyMetadata signing;
        Map<String, KeyMetadata> before;
        Set<String> keyIdsBefore;
        List<AliasListEntry> aliasesBefore;
        SdkBytes ciphertext;
        GenerateDataKeyResponse dataKey;
        byte[] publicKeyBefore;
        byte[] signatureBefore;
        try (Running first = Running.start(onDisk(dataDir))) {
            KmsClient kms = first.kms();
            active = kms.createKey(b -> b.description("survives restarts")
                    .tags(Tag.builder().tagKey("team").tagValue("payments").build())).keyMetadata();
            disabled = kms.createKey(b -> b.description("to be disabled")).keyMetadata();
            pending = kms.createKey(b -> b.description("to be deleted")).keyMetadata();
            signing = kms.createKey(b -> b.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.SIGN_VERIFY))
                    .keyMetadata();
            kms.createAlias(b -> b.aliasName("alias/restart-active").targetKeyId(active.keyId()));
            kms.createAlias(b -> b.aliasName("alias/restart-signing").targetKeyId(signing.keyId()));
            kms.tagResource(b -> b.keyId(active.keyId()).tags(Tag.builder().tagKey("env").tagValue("prod").build()));
            kms.updateKeyDescription(b -> b.keyId(active.keyId()).description("survives restarts, updated"));
            kms.disableKey(b -> b.keyId(disabled.keyId()));
            kms.scheduleKeyDeletion(b -> b.keyId(pending.keyId()).pendingWindowInDays(10));
            ciphertext = kms.encrypt(b -> b.keyId(active.keyId()).plaintext(sdk(MESSAGE))
                    .encryptionContext(Map.of("purpose", "restart"))).ciphertextBlob();
            dataKey = kms.generateDataKey(b -> b.keyId("alias/restart-active").keySpec(DataKeySpec.AES_256));
            publicKeyBefore = kms.getPublicKey(b -> b.keyId(signing.keyId())).publicKey().asByteArray();
            signatureBefore = kms.sign(b -> b.keyId(signing.keyId()).message(sdk(MESSAGE))
                    .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)).signature().asByteArray();
            before = describeAll(kms, active, disabled, pending, signing);
            keyIdsBefore = keyIds(kms);
            aliasesBefore = kms.listAliases().aliases();
        }

        try (Running second = Running.start(onDisk(dataDir))) {
            KmsClient kms = second.kms();
            assertEquals(before, describeAll(kms, active, disabled, pending, signing));
            assertEquals(KeyState.DISABLED, before.get(disabled.keyId()).keyState());
            assertEquals(KeyState.PENDING_DELETION, before.get(pending.keyId()).keyState());
            assertEquals(keyIdsBefore, keyIds(kms));
            assertEquals(byName(aliasesBefore), byName(kms.listAliases().aliases()));
            assertEquals(Map.of("team", "payments", "env", "prod"), tags(kms, active.keyId()));
            assertEquals("survives restarts, updated", before.get(active.keyId()).description());

            assertArrayEquals(MESSAGE, kms.decrypt(b -> b.ciphertextBlob(ciphertext)
                    .encryptionContext(Map.of("purpose", "restart"))).plaintext().asByteArray());
            assertArrayEquals(dataKey.plaintext().asByteArray(),
                    kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())).plaintext().asByteArray());
            assertArrayEquals(publicKeyBefore,
                    kms.getPublicKey(b -> b.keyId("alias/restart-signing")).publicKey().asByteArray());
            byte[] signatureAfter = kms.sign(b -> b.keyId(signing.keyId()).message(sdk(MESSAGE))
                    .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)).signature().asByteArray();
            assertArrayEquals(signatureBefore, signatureAfter, "PKCS#1 v1.5 is deterministic under the same key");
            assertTrue(Jca.verify(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256,
                    Jca.rsaPublicKey(publicKeyBefore), MESSAGE, signatureAfter));

            kms.cancelKeyDeletion(b -> b.keyId(pending.keyId()));
            kms.enableKey(b -> b.keyId(disabled.keyId()));
        }

        try (Running third = Running.start(onDisk(dataDir))) {
            assertEquals(KeyState.DISABLED,
                    third.kms().describeKey(b -> b.keyId(pending.keyId())).keyMetadata().keyState());
            assertEquals(KeyState.ENABLED,
                    third.kms().describeKey(b -> b.keyId(disabled.keyId())).keyMetadata().keyState());
        }
    }

    @Test
    void start_withAnotherKeyFile_failsAndLeavesTheDataDirUnchanged() throws Exception {
        String keyId;
        try (Running original = Running.start(onDisk(dataDir))) {
            keyId = original.kms().createKey(b -> b.description("sealed")).keyMetadata().keyId();
        }
        Path otherDir = Files.createDirectory(elsewhere.resolve("other-data"));
        try (Running other = Running.start(onDisk(otherDir))) {
            other.kms().listKeys();
        }
        Path otherKeyFile = otherDir.resolve("master.key");
        assertTrue(Files.isRegularFile(otherKeyFile), "the other data dir has no master.key");
        Map<String, String> snapshot = fingerprint(dataDir);

        assertStartFails(TrentConfig.builder().port(0).dataDir(dataDir).keyFile(otherKeyFile).build());

        assertEquals(snapshot, fingerprint(dataDir), "a refused start modified the data dir");
        try (Running again = Running.start(onDisk(dataDir))) {
            assertEquals("sealed", again.kms().describeKey(b -> b.keyId(keyId)).keyMetadata().description());
        }
    }

    @Test
    void start_withWrongPassphrase_failsAndLeavesTheDataDirUnchanged() throws Exception {
        SdkBytes ciphertext;
        try (Running sealed = Running.start(TrentConfig.builder().port(0).dataDir(dataDir)
                .passphrase("correct horse battery staple".toCharArray()).build())) {
            String keyId = sealed.kms().createKey(b -> { }).keyMetadata().keyId();
            ciphertext = sealed.kms().encrypt(b -> b.keyId(keyId).plaintext(sdk(MESSAGE))).ciphertextBlob();
        }
        Map<String, String> snapshot = fingerprint(dataDir);

        assertStartFails(TrentConfig.builder().port(0).dataDir(dataDir)
                .passphrase("incorrect horse battery staple".toCharArray()).build());

        assertEquals(snapshot, fingerprint(dataDir), "a refused start modified the data dir");
        try (Running again = Running.start(TrentConfig.builder().port(0).dataDir(dataDir)
                .passphrase("correct horse battery staple".toCharArray()).build())) {
            assertArrayEquals(MESSAGE, again.kms().decrypt(b -> b.ciphertextBlob(ciphertext))
                    .plaintext().asByteArray());
        }
    }

    private static void assertStartFails(TrentConfig config) {
        TrentServer unexpected;
        try {
            unexpected = TrentServer.start(config);
        } catch (Exception expected) {
            return;
        }
        unexpected.close();
        fail("the server started under the wrong root of trust");
    }

    private static Map<String, KeyMetadata> describeAll(KmsClient kms, KeyMetadata... keys) {
        Map<String, KeyMetadata> described = new TreeMap<>();
        for (KeyMetadata key : keys) {
            described.put(key.keyId(), kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata());
        }
        return described;
    }

    private static Set<String> keyIds(KmsClient kms) {
        return kms.listKeys(b -> b.limit(1000)).keys().stream().map(KeyListEntry::keyId).collect(Collectors.toSet());
    }

    private static Map<String, AliasListEntry> byName(List<AliasListEntry> aliases) {
        return aliases.stream().collect(Collectors.toMap(AliasListEntry::aliasName, a -> a, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> tags(KmsClient kms, String keyId) {
        return kms.listResourceTags(b -> b.keyId(keyId)).tags().stream()
                .collect(Collectors.toMap(Tag::tagKey, Tag::tagValue));
    }

    /** Relative path to SHA-256 of every regular file under {@code dir}. */
    private static Map<String, String> fingerprint(Path dir) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(file -> hashes.put(dir.relativize(file).toString(), sha256(file)));
        }
        assertFalse(hashes.isEmpty(), "nothing was written to " + dir);
        return hashes;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SdkBytes sdk(byte[] bytes) {
        return SdkBytes.fromByteArray(bytes);
    }
}
