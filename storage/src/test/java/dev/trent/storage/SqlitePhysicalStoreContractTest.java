package dev.trent.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqlitePhysicalStoreContractTest extends PhysicalStoreContractTest {

    @TempDir
    Path dir;

    @Override
    PhysicalStore newStore() {
        return SqlitePhysicalStore.open(dir.resolve("data").resolve("trent.db"));
    }
}
