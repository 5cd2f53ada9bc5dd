package dev.trent.storage;

class InMemoryPhysicalStoreContractTest extends PhysicalStoreContractTest {

    @Override
    PhysicalStore newStore() {
        return new InMemoryPhysicalStore();
    }
}
