package dev.trent.storage;

import java.nio.file.Path;

class InMemoryRekeyTest extends RekeyContractTest {

    @Override
    RekeyStore newStore(Path dir) {
        return RekeyStore.inMemory();
    }
}
