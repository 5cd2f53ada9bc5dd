package dev.trent.server.admin;

import dev.trent.server.api.Services;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.time.Clock;

/** The services of a server over in-memory storage, for admin endpoint tests. */
final class InMemoryServices {

    private InMemoryServices() {
    }

    static Services over(Clock clock) {
        return Services.over(KeyRepository.load(Storage.inMemory().barrier(), clock), clock);
    }
}
