package dev.trent.server.app;

import dev.trent.server.admin.IntegrityStatus;
import dev.trent.server.repository.DamagedRecords;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.util.List;

/** What health reports of the store: the problems storage found when it opened, and the keys left unserved. */
final class StoreIntegrity implements IntegrityStatus {

    private final Storage storage;
    private final KeyRepository repository;

    StoreIntegrity(Storage storage, KeyRepository repository) {
        this.storage = storage;
        this.repository = repository;
    }

    @Override
    public Damage now() {
        DamagedRecords damaged = repository.damaged();
        List<DamagedKey> keys = damaged.keys().stream()
                .map(key -> new DamagedKey(key.scope().keyArn(key.id()), key.reasons()))
                .toList();
        return new Damage(storage.barrier().integrity().problems(), keys, damaged.others());
    }
}
