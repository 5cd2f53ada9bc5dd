package dev.trent.storage;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteBarrierTest extends BarrierContractTest {

    @TempDir
    Path dir;

    @Override
    PhysicalStore newPhysicalStore() {
        return SqlitePhysicalStore.open(dir.resolve("trent.db"));
    }

    @Test
    void commit_writeFailingMidBatch_leavesNothingWritten() throws Exception {
        // A trigger added behind the store's back makes the third write fail inside SQLite itself.
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("trent.db"));
                Statement statement = raw.createStatement()) {
            statement.execute("CREATE TRIGGER poison BEFORE INSERT ON records WHEN NEW.path = 'poison'"
                    + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        }
        put("existing", SECRET);
        WriteBatch batch = new WriteBatch().put("first", SECRET).delete("existing").put("poison", SECRET);
        assertThrows(StorageException.class, () -> barrier.commit(batch));
        assertTrue(barrier.get("first").isEmpty());
        assertTrue(barrier.get("existing").isPresent());
        assertTrue(barrier.get("poison").isEmpty());
    }
}
