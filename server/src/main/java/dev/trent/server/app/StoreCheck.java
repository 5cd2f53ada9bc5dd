package dev.trent.server.app;

import dev.trent.storage.CommitWitness;
import dev.trent.storage.SqlitePhysicalStore;
import dev.trent.storage.Storage;
import dev.trent.storage.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code trent fsck}'s work: opens a data dir's keyring with its root of trust and checks every record, the
 * integrity manifest and the commit witness, writing nothing. Safe beside a running server, which it does not
 * disturb (it reads through SQLite like any reader).
 */
public final class StoreCheck {

    private StoreCheck() {
    }

    /**
     * The problems found in the data dir {@code config} names; empty when it is sound.
     *
     * @throws StorageException if it holds no Trent data dir, or its root of trust does not open it
     */
    public static List<String> run(TrentConfig config) {
        Path database = config.dataDir().resolve(TrentServer.DATABASE_FILE);
        Path witness = CommitWitness.besideDatabase(database);
        if (!Files.isRegularFile(database)) {
            if (Files.exists(witness) || Files.exists(config.keyFile())) {
                return List.of("the database " + database + " is missing, but " + (Files.exists(witness)
                        ? "its commit witness " + witness : "its key file " + config.keyFile()) + " is there: the "
                        + "database was deleted");
            }
            throw new StorageException("there is no Trent data directory at " + config.dataDir() + " (no "
                    + TrentServer.DATABASE_FILE + " in it)");
        }
        try (RootOfTrustSource root = RootOfTrustSource.of(config);
                SqlitePhysicalStore physical = SqlitePhysicalStore.open(database)) {
            return Storage.check(physical, root.provider(), CommitWitness.file(witness));
        }
    }
}
