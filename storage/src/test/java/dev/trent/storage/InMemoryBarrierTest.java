package dev.trent.storage;

class InMemoryBarrierTest extends BarrierContractTest {

    @Override
    PhysicalStore newPhysicalStore() {
        return new InMemoryPhysicalStore();
    }
}
