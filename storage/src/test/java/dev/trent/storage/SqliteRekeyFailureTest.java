package dev.trent.storage;

import java.nio.file.Path;

class SqliteRekeyFailureTest extends RekeyFailureContractTest {

    @Override
    RekeyStore newStore(Path dir) {
        return RekeyStore.sqlite(dir);
    }
}
