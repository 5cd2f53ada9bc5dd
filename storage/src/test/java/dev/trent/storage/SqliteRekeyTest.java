package dev.trent.storage;

import java.nio.file.Path;

class SqliteRekeyTest extends RekeyContractTest {

    @Override
    RekeyStore newStore(Path dir) {
        return RekeyStore.sqlite(dir);
    }
}
