package dev.trent.storage;

import java.nio.file.Path;

class InMemoryRekeyFailureTest extends RekeyFailureContractTest {

    @Override
    RekeyStore newStore(Path dir) {
        return RekeyStore.inMemory();
    }
}
