package dev.trent.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** A store opened for sole use behaves like any other; SQLite treats the empty file as an empty database. */
class SqliteSoleUsePhysicalStoreContractTest extends PhysicalStoreContractTest {

    @TempDir
    Path dir;

    @Override
    PhysicalStore newStore() throws Exception {
        return SqlitePhysicalStore.openForSoleUse(Files.createFile(dir.resolve("trent.db")));
    }
}
