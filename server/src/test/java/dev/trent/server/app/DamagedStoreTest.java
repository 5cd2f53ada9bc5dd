package dev.trent.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trent.storage.StoreDamagedException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A started server over a damaged data dir: damage confined to some keys leaves the rest serving and is named
 * by health and fsck; damage that cannot be confined (lost commits, a lost database) stops the start by name.
 */
class DamagedStoreTest {

    private static final int KEYS = 10;

    @TempDir
    Path dir;

    private TrentConfig config(Path dataDir) {
        return TrentConfig.builder().port(0).dataDir(dataDir).build();
    }

    @Test
    void rowPutBackFromAnOlderCopy_leavesItsKeyUnservedAndTheRestServing() throws Exception {
        Path data = dir.resolve("data");
        List<String> keys = new ArrayList<>();
        List<String> ciphertexts = new ArrayList<>();
        try (TrentServer server = TrentServer.start(config(data))) {
            KmsOverHttp kms = new KmsOverHttp(server);
            for (int i = 0; i < KEYS; i++) {
                String keyId = kms.ok("CreateKey", "{}").at("/KeyMetadata/KeyId").asText();
                keys.add(keyId);
                ciphertexts.add(kms.ok("Encrypt", "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\""
                        + base64("secret " + i) + "\"}").get("CiphertextBlob").asText());
            }
        }
        String victim = keys.get(3);
        String victimRecord = "keys/000000000000/us-east-1/" + victim;
        byte[] enabled = readRow(data, victimRecord);
        try (TrentServer server = TrentServer.start(config(data))) {
            new KmsOverHttp(server).ok("DisableKey", "{\"KeyId\":\"" + victim + "\"}");
        }
        writeRow(data, victimRecord, enabled);

        try (TrentServer server = TrentServer.start(config(data))) {
            KmsOverHttp kms = new KmsOverHttp(server);
            HttpResponse<String> refused = kms.call("Encrypt", "{\"KeyId\":\"" + victim + "\",\"Plaintext\":\""
                    + base64("x") + "\"}");
            assertEquals("KMSInternalException", KmsOverHttp.JSON.readTree(refused.body()).get("__type").asText(),
                    refused.body());
            assertTrue(refused.body().contains("its stored records are damaged"), refused.body());
            int served = 0;
            for (int i = 0; i < KEYS; i++) {
                HttpResponse<String> decrypted = kms.call("Decrypt", "{\"CiphertextBlob\":\"" + ciphertexts.get(i)
                        + "\"}");
                if (decrypted.statusCode() == 200) {
                    assertEquals(base64("secret " + i), KmsOverHttp.JSON.readTree(decrypted.body()).get("Plaintext").asText());
                    served++;
                }
            }
            // Every other key serves, bar one that may share the victim's bucket by chance.
            assertTrue(served >= KEYS - 2, served + " keys served");

            JsonNode health = kms.admin("/_trent/health");
            assertEquals("ok", health.get("status").asText());
            assertEquals("damaged", health.get("integrity").asText());
            assertTrue(health.get("damagedKeys").toString().contains(victim), health.toString());
        }

        List<String> problems = StoreCheck.run(config(data));
        assertTrue(problems.stream().anyMatch(p -> p.contains("000000000000/us-east-1/" + victim)), problems.toString());

        try (TrentServer server = TrentServer.start(config(data))) {
            server.reset();
            assertEquals("sound", new KmsOverHttp(server).admin("/_trent/health").get("integrity").asText());
        }
        try (TrentServer server = TrentServer.start(config(data))) {
            assertEquals("sound", new KmsOverHttp(server).admin("/_trent/health").get("integrity").asText());
        }
        assertEquals(List.of(), StoreCheck.run(config(data)));
    }

    @Test
    void lostWriteAheadLog_stopsTheStartAndNamesTheMissingCommits() throws Exception {
        Path data = dir.resolve("data");
        Path copy = dir.resolve("copy");
        // A clean stop moves the log into the database file: the keyring is there, the commits after it are not.
        TrentServer.start(config(data)).close();
        try (TrentServer server = TrentServer.start(config(data))) {
            KmsOverHttp kms = new KmsOverHttp(server);
            for (int i = 0; i < KEYS; i++) {
                kms.ok("CreateKey", "{}");
            }
            Files.createDirectories(copy);
            for (String file : List.of("master.key", "trent.db", "trent.db-wal", "trent.db.witness")) {
                Files.copy(data.resolve(file), copy.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.delete(copy.resolve("trent.db-wal"));
        StoreDamagedException refused = assertThrows(StoreDamagedException.class,
                () -> TrentServer.start(config(copy)));
        assertTrue(refused.getMessage().startsWith("data dir " + copy + " is damaged: the database ends at commit"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("trent fsck --data-dir " + copy), refused.getMessage());
        assertTrue(StoreCheck.run(config(copy)).get(0).contains("was acknowledged"));
    }

    @Test
    void deletedDatabase_besideItsKeyFile_isNotReplacedByAnEmptyStore() throws Exception {
        Path data = dir.resolve("data");
        try (TrentServer server = TrentServer.start(config(data))) {
            new KmsOverHttp(server).ok("CreateKey", "{}");
        }
        for (String file : List.of("trent.db", "trent.db.witness")) {
            Files.delete(data.resolve(file));
        }
        StoreDamagedException refused = assertThrows(StoreDamagedException.class,
                () -> TrentServer.start(config(data)));
        assertTrue(refused.getMessage().contains("exists but its database"), refused.getMessage());
        assertTrue(!Files.exists(data.resolve("trent.db")), "no new store was made");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] readRow(Path data, String path) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("trent.db"));
                PreparedStatement select = c.prepareStatement("SELECT value FROM records WHERE path = ?")) {
            select.setString(1, path);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), path);
                return row.getBytes(1);
            }
        }
    }

    private static void writeRow(Path data, String path, byte[] value) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("trent.db"));
                PreparedStatement update = c.prepareStatement("UPDATE records SET value = ? WHERE path = ?")) {
            update.setBytes(1, value);
            update.setString(2, path);
            assertEquals(1, update.executeUpdate());
        }
    }
}
