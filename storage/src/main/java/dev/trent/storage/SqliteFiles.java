package dev.trent.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Creating a new database file owner-only, and removing one whose initialization failed. */
final class SqliteFiles {

    private static final String[] SIDE_FILE_SUFFIXES = {"-wal", "-shm", "-journal"};

    private SqliteFiles() {}

    /**
     * Creates an empty database file, rw------- where the file system has POSIX permissions (SQLite treats an empty
     * file as an empty database, and gives its -wal and -shm files the database file's mode).
     *
     * @return whether this call created the file (false if it already existed)
     */
    static boolean createEmptyDatabaseFile(Path databaseFile) throws IOException {
        if (!OwnerOnlyFiles.hasPosixPermissions()) {
            // SQLite creates the file when it connects.
            return !Files.exists(databaseFile);
        }
        try {
            OwnerOnlyFiles.createNew(databaseFile).close();
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** The WAL and shared-memory files of {@code databaseFile} that do not exist now. */
    static List<Path> absentWalFiles(Path databaseFile) {
        List<Path> absent = new ArrayList<>();
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path file = databaseFile.resolveSibling(databaseFile.getFileName() + suffix);
            if (!Files.exists(file)) {
                absent.add(file);
            }
        }
        return absent;
    }

    /**
     * Deletes WAL files that a connection which could only read created (SQLite creates them on opening a WAL
     * database, but a read-only connection cannot remove them when it closes). Leaves them all if the WAL holds
     * anything, since that would be committed data. Best effort.
     */
    static void deleteUnusedWalFiles(List<Path> createdByReader) {
        try {
            for (Path file : createdByReader) {
                if (file.toString().endsWith("-wal") && Files.exists(file) && Files.size(file) > 0) {
                    return;
                }
            }
            for (Path file : createdByReader) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // Left-over empty WAL files are harmless: the next writable open uses and removes them.
        }
    }

    /**
     * Deletes the database file and its side files, then the directories up to {@code createdDirectory} (the
     * top-most one the failed initialization created, or null). Best effort.
     */
    static void deleteDatabaseFiles(Path databaseFile, Path createdDirectory) {
        try {
            Files.deleteIfExists(databaseFile);
            for (String suffix : SIDE_FILE_SUFFIXES) {
                Files.deleteIfExists(databaseFile.resolveSibling(databaseFile.getFileName() + suffix));
            }
        } catch (IOException ignored) {
            // A leftover empty database is initialized normally on the next start.
            return;
        }
        if (createdDirectory != null) {
            OwnerOnlyFiles.deleteEmptyDirectories(databaseFile.getParent(), createdDirectory);
        }
    }
}
