package dev.trent.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates files and directories that only their owner can read. Permissions are passed to the create call
 * itself, so there is no moment in which a secret file exists with wider permissions.
 */
final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> FILE_MODE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> DIRECTORY_MODE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private OwnerOnlyFiles() {}

    /**
     * Creates {@code dir} and any missing parents, rwx------ where the file system has POSIX permissions (elsewhere
     * with its defaults: the directories hold no plaintext, so this is defence in depth, not a requirement).
     *
     * @return the top-most directory this call created, so a failed caller can remove it; null if none
     */
    static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Path topMissing = null;
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            topMissing = p;
        }
        if (topMissing == null) {
            return null;
        }
        if (hasPosixPermissions()) {
            Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        } else {
            Files.createDirectories(absolute);
        }
        return topMissing;
    }

    /**
     * Creates a new file (rw-------) and opens it for writing.
     *
     * @throws java.nio.file.FileAlreadyExistsException if it already exists
     */
    static FileChannel createNew(Path file) throws IOException {
        return FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                attribute(FILE_MODE));
    }

    /** Opens {@code file} for reading and writing, creating it (rw-------) if it is missing. */
    static FileChannel openOrCreate(Path file) throws IOException {
        Set<StandardOpenOption> options =
                EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return hasPosixPermissions() ? FileChannel.open(file, options, attribute(FILE_MODE)) : FileChannel.open(file, options);
    }

    /** Makes a new directory entry durable; best effort, as not every platform can sync a directory. */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // The entry was still written; only its durability across a power cut is less certain.
        }
    }

    /** Deletes the empty directories from {@code deepest} up to and including {@code top}; best effort. */
    static void deleteEmptyDirectories(Path deepest, Path top) {
        for (Path p = deepest.toAbsolutePath(); p != null; p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return;
            }
            if (p.equals(top)) {
                return;
            }
        }
    }

    static boolean hasPosixPermissions() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> mode) {
        if (!hasPosixPermissions()) {
            throw new StorageException("this file system has no POSIX permissions, so Trent cannot create an owner-only "
                    + "file; create the key file yourself (32 random bytes) and restrict it to your user");
        }
        return PosixFilePermissions.asFileAttribute(mode);
    }
}
