package dev.trent.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The last commit counter, kept outside the database: a lost or damaged write-ahead log, a deleted WAL or a
 * database file put back from an older copy all leave the database's counter behind this one, and a store that
 * has a witness but no database was deleted or truncated, not never made.
 *
 * <p>The file has two slots of {@value #SLOT_BYTES} bytes; commit {@code n} goes to slot {@code n % 2}, so a torn
 * write spoils at most the slot being written and the other still holds the commit before. A slot is counter (8)
 * || MAC (32), the MAC keyed by the store's integrity key over the counter and slot, so a slot cannot be forged
 * or moved. Written after the database commit (the database may run one commit ahead of its witness, never
 * behind), and flushed to disk when closed.
 */
public final class CommitWitness implements AutoCloseable {

    /** What a witness says when read. */
    enum State { ABSENT, DAMAGED, PRESENT }

    record Reading(State state, long counter) {
    }

    static final int SLOT_BYTES = 8 + 32;
    private static final byte[] LABEL = "trent/witness/v1".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Path file;
    private FileChannel channel;

    private CommitWitness(Path file) {
        this.file = file;
    }

    /** A witness in {@code file}; nothing is created until the first commit is recorded. */
    public static CommitWitness file(Path file) {
        return new CommitWitness(file.toAbsolutePath());
    }

    /** No witness: for stores that live in memory. */
    public static CommitWitness none() {
        return new CommitWitness(null);
    }

    /** The witness file of the SQLite database {@code databaseFile}. */
    public static Path besideDatabase(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".witness");
    }

    boolean isNone() {
        return file == null;
    }

    /** Whether a witness file exists: a store was made here, whatever state its database is in. */
    public boolean exists() {
        return file != null && Files.exists(file);
    }

    Path path() {
        return file;
    }

    synchronized Reading read(RecordDigest digest) {
        if (file == null) {
            return new Reading(State.ABSENT, 0);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Reading(State.ABSENT, 0);
        } catch (IOException e) {
            throw new StorageException("cannot read the commit witness " + file + ": " + e, e);
        }
        long best = -1;
        for (int slot = 0; slot < 2; slot++) {
            if (bytes.length < (slot + 1) * SLOT_BYTES) {
                continue;
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, slot * SLOT_BYTES, SLOT_BYTES);
            long counter = in.getLong();
            byte[] mac = new byte[32];
            in.get(mac);
            if (counter % 2 == slot && RecordDigest.sameMac(mac, mac(digest, counter)) && counter > best) {
                best = counter;
            }
        }
        return best < 0 ? new Reading(State.DAMAGED, 0) : new Reading(State.PRESENT, best);
    }

    /** Records that commit {@code counter} is in the database; durable once the process has written it. */
    synchronized void record(RecordDigest digest, long counter) {
        if (file == null) {
            return;
        }
        try {
            if (channel == null) {
                channel = openOrCreate();
            }
            ByteBuffer slot = ByteBuffer.allocate(SLOT_BYTES).putLong(counter).put(mac(digest, counter)).flip();
            long position = (counter % 2) * SLOT_BYTES;
            while (slot.hasRemaining()) {
                position += channel.write(slot, position);
            }
            // Not forced: the write survives the process dying, which is what the check is for. After a power cut
            // the witness may be behind the database, which can hide a loss at that moment but never invents one;
            // forcing it would cost a second disk flush on every commit.
        } catch (IOException e) {
            throw new StorageException("cannot write the commit witness " + file + ": " + e, e);
        }
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.force(false);
                channel.close();
            } catch (IOException ignored) {
                // Every record() was forced to disk already.
            }
            channel = null;
        }
    }

    private FileChannel openOrCreate() throws IOException {
        try {
            FileChannel created = OwnerOnlyFiles.createNew(file);
            created.close();
            OwnerOnlyFiles.syncDirectory(file.getParent());
        } catch (FileAlreadyExistsException e) {
            // Written before; reuse it.
        }
        return FileChannel.open(file, StandardOpenOption.WRITE);
    }

    private static byte[] mac(RecordDigest digest, long counter) {
        byte[] data = Arrays.copyOf(LABEL, LABEL.length + 8);
        ByteBuffer.wrap(data, LABEL.length, 8).putLong(counter);
        return digest.authenticate(data);
    }
}
