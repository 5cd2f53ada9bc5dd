package dev.trent.server.app;

import dev.trent.server.audit.AuditLog;
import dev.trent.server.audit.ChainVerifier;
import dev.trent.server.repository.AuditRecords;
import dev.trent.storage.OpenedRecord;
import dev.trent.storage.SqlitePhysicalStore;
import dev.trent.storage.Storage;
import dev.trent.storage.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;

/**
 * {@code trent audit verify --data-dir}'s work: opens the audit records of a data dir with its root of trust,
 * each one on its own and writing nothing, and checks the chain and every digest. Safe beside a running server.
 */
public final class AuditCheck {

    private AuditCheck() {
    }

    /**
     * @throws StorageException if the data dir holds no store or its root of trust does not open it
     */
    public static ChainVerifier.Verdict run(TrentConfig config) {
        return ChainVerifier.verify(read(config));
    }

    /**
     * The trail of the data dir {@code config} names, each record opened on its own, writing nothing.
     *
     * @throws StorageException if the data dir holds no store or trail, or its root of trust does not open it
     */
    public static AuditLog read(TrentConfig config) {
        Path database = config.dataDir().resolve(TrentServer.DATABASE_FILE);
        if (!Files.isRegularFile(database)) {
            throw new StorageException("there is no Trent data directory at " + config.dataDir() + " (no "
                    + TrentServer.DATABASE_FILE + " in it)");
        }
        try (RootOfTrustSource root = RootOfTrustSource.of(config);
                SqlitePhysicalStore physical = SqlitePhysicalStore.open(database)) {
            SortedMap<String, OpenedRecord> opened = Storage.openAll(physical, root.provider(), AuditRecords.PREFIX);
            if (opened.isEmpty()) {
                throw new StorageException("the data directory " + config.dataDir()
                        + " holds no audit trail; `trent serve --audit-trail` keeps one");
            }
            try {
                return AuditRecords.logOf(opened, Optional.empty());
            } catch (IllegalArgumentException e) {
                throw new StorageException(e.getMessage(), e);
            }
        }
    }
}
