package dev.trent.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Exclusive use of a data dir by one process: an operating-system lock on the file {@value #FILE_NAME} in it, held
 * until {@link #close()}. The operating system drops the lock when the process ends, however it ends, so a killed
 * server leaves nothing stale behind. The file says who holds it (pid, host, since when, doing what) and is empty
 * once released.
 *
 * <p>Within one process the lock is also kept in a table, because POSIX releases all of a process's locks on a
 * file as soon as any descriptor of that file is closed: a second open of the lock file in the holding process
 * would silently free the data dir for others. So nothing in this process may open the lock file but this class.
 */
public final class DataDirLock implements AutoCloseable {

    /** The lock file's name in the data dir. */
    public static final String FILE_NAME = "trent.lock";
    private static final int ATTEMPTS = 3;

    /** The locks this process holds, by the data dir's real path; also guards every acquire and release. */
    private static final Map<Path, DataDirLock> HELD = new HashMap<>();
    /** Channels refused with an overlapping lock: closing them would release that other holder's lock. */
    private static final List<FileChannel> KEPT_OPEN = new ArrayList<>();

    private final Path dataDir;
    private final Path realDataDir;
    private final Path lockFile;
    private final Path createdDirectory;
    private final FileChannel channel;
    private DataDirHolder holder;
    private boolean released;

    private DataDirLock(Path dataDir, Path realDataDir, Path createdDirectory, FileChannel channel,
                        DataDirHolder holder) {
        this.dataDir = dataDir;
        this.realDataDir = realDataDir;
        this.lockFile = realDataDir.resolve(FILE_NAME);
        this.createdDirectory = createdDirectory;
        this.channel = channel;
        this.holder = holder;
    }

    /**
     * Takes the lock of {@code dataDir} (created owner-only if missing) for this process, which is doing
     * {@code activity} ("starting", "rekeying", ...). Creates or writes nothing else in the data dir.
     *
     * @throws DataDirInUseException if another process, or another holder in this process, has it
     * @throws StorageException if the lock file cannot be created or locked
     */
    public static DataDirLock acquire(Path dataDir, String activity, Clock clock) {
        Path shown = dataDir.toAbsolutePath().normalize();
        DataDirHolder holder = DataDirHolder.thisProcess(activity, clock);
        synchronized (HELD) {
            Path created;
            Path real;
            try {
                created = OwnerOnlyFiles.createDirectories(shown);
                real = shown.toRealPath();
            } catch (IOException e) {
                throw new StorageException("cannot create data dir " + shown + " (" + reason(e) + ")", e);
            }
            DataDirLock sameProcess = HELD.get(real);
            if (sameProcess != null) {
                throw new DataDirInUseException(shown, Optional.of(sameProcess.holder), true);
            }
            try {
                DataDirLock lock = lock(shown, real, created, holder);
                HELD.put(real, lock);
                return lock;
            } catch (RuntimeException e) {
                if (created != null) {
                    OwnerOnlyFiles.deleteEmptyDirectories(shown, created);
                }
                throw e;
            }
        }
    }

    /** Records that the holder now does {@code activity} (such as "serving http://127.0.0.1:4566"). */
    public void nowDoing(String activity) {
        synchronized (HELD) {
            if (released) {
                return;
            }
            holder = holder.doing(activity);
            try {
                write(channel, holder.fileText());
            } catch (IOException ignored) {
                // The lock still holds; only the description another process would read is out of date.
            }
        }
    }

    /** The data dir, as the caller named it (absolute). */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Releases the lock and empties the lock file. If {@link #acquire} created the data dir and nothing but the
     * lock file came into it, removes the lock file and the directories it created, so a failed first start leaves
     * nothing behind. Never throws; idempotent.
     */
    @Override
    public void close() {
        synchronized (HELD) {
            if (released) {
                return;
            }
            released = true;
            boolean removeDirectory = createdDirectory != null && holdsOnlyTheLockFile();
            try {
                if (removeDirectory) {
                    // Deleted while still locked: a process that opened the old file sees it gone and tries again.
                    Files.deleteIfExists(lockFile);
                } else {
                    channel.truncate(0);
                }
            } catch (IOException ignored) {
                // An emptied or deleted lock file is tidiness; the lock itself ends with the channel.
            }
            closeQuietly(channel);
            HELD.remove(realDataDir);
            if (removeDirectory) {
                OwnerOnlyFiles.deleteEmptyDirectories(realDataDir, createdDirectory);
            }
        }
    }

    @Override
    public String toString() {
        return "DataDirLock[" + dataDir + "]";
    }

    private static DataDirLock lock(Path shown, Path real, Path created, DataDirHolder holder) {
        Path lockFile = real.resolve(FILE_NAME);
        for (int attempt = 1; ; attempt++) {
            FileChannel channel = open(lockFile);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // Another copy of this class (another class loader) holds it in this process.
                KEPT_OPEN.add(channel);
                throw new DataDirInUseException(shown, Optional.empty(), true);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new StorageException("cannot lock " + lockFile + ": " + e, e);
            }
            if (lock == null) {
                Optional<DataDirHolder> other = readHolder(lockFile);
                closeQuietly(channel);
                throw new DataDirInUseException(shown, other, false);
            }
            if (!Files.exists(lockFile) && attempt < ATTEMPTS) {
                // The previous holder removed the file before releasing it; lock the one at the path now.
                closeQuietly(channel);
                continue;
            }
            try {
                write(channel, holder.fileText());
            } catch (IOException e) {
                closeQuietly(channel);
                throw new StorageException("cannot write " + lockFile + ": " + e, e);
            }
            return new DataDirLock(shown, real, created, channel, holder);
        }
    }

    private static FileChannel open(Path lockFile) {
        try {
            return OwnerOnlyFiles.openOrCreate(lockFile);
        } catch (IOException e) {
            throw new StorageException("cannot open lock file " + lockFile + " for writing (" + reason(e) + "); Trent"
                    + " must write in the data dir: make it writable by the user running Trent, on a file system"
                    + " mounted read-write", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.toString();
    }

    private static Optional<DataDirHolder> readHolder(Path lockFile) {
        try {
            return DataDirHolder.parse(Files.readString(lockFile, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        channel.truncate(0);
        long position = 0;
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
    }

    private boolean holdsOnlyTheLockFile() {
        try (Stream<Path> entries = Files.list(realDataDir)) {
            return entries.allMatch(lockFile::equals);
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing releases the lock whatever close reports.
        }
    }
}
