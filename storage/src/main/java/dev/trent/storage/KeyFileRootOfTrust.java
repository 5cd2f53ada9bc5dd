package dev.trent.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A root of trust held in a file of exactly 32 random bytes (an AES-256 key), the default for development.
 * Anyone who can read the file and the data dir can read every stored secret, so Trent creates the file
 * owner-only (rw-------) in the same system call that creates it, and refuses a file that other users may read or
 * write.
 */
public final class KeyFileRootOfTrust implements RootOfTrust {

    /** The exact size of a key file. */
    public static final int KEY_FILE_BYTES = AesGcm.KEY_BYTES;

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path keyFile;
    private final RootKey key;

    private KeyFileRootOfTrust(Path keyFile, RootKey key) {
        this.keyFile = keyFile;
        this.key = key;
    }

    /**
     * A provider for the key file at {@code keyFile}. {@link RootOfTrustProvider#initialize()} uses the file if it
     * exists and otherwise creates it (with its parent directories); {@link RootOfTrustProvider#open} never creates
     * it, because a new key could never open an existing store.
     */
    public static RootOfTrustProvider provider(Path keyFile) {
        Path file = Objects.requireNonNull(keyFile, "keyFile").toAbsolutePath();
        return new RootOfTrustProvider() {
            @Override
            public RootOfTrust initialize() {
                return Files.exists(file) ? load(file) : createOrLoad(file);
            }

            @Override
            public RootOfTrust open(String storedKind, byte[] storedParameters) {
                RootKinds.requireStoredKind(RootKinds.KEY_FILE, storedKind);
                if (storedParameters.length != 0) {
                    throw new StorageException("the stored key-file parameters are not empty; was this data dir written by a "
                            + "newer Trent?");
                }
                if (!Files.exists(file)) {
                    throw new WrongRootOfTrustException("key file " + file + " not found; this data dir was sealed with a key "
                            + "file, so start Trent with that same file");
                }
                return load(file);
            }

            @Override
            public String toString() {
                return "KeyFileRootOfTrust.provider[" + file + "]";
            }
        };
    }

    /** The key file this root was read from. */
    public Path keyFile() {
        return keyFile;
    }

    @Override
    public String kind() {
        return RootKinds.KEY_FILE;
    }

    @Override
    public byte[] parameters() {
        return new byte[0];
    }

    @Override
    public byte[] wrap(byte[] plaintext, byte[] aad) {
        return key.wrap(plaintext, aad);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] aad) {
        return key.unwrap(wrapped, aad, "key file " + keyFile + " does not open this data dir's keyring: it is not "
                + "the key file the data dir was sealed with (or the stored keyring is damaged)");
    }

    @Override
    public String toString() {
        return "KeyFileRootOfTrust[" + keyFile + "]";
    }

    private static KeyFileRootOfTrust load(Path file) {
        byte[] bytes = null;
        try {
            if (!Files.isRegularFile(file)) {
                throw new WrongRootOfTrustException("key file " + file + " is not a regular file");
            }
            long size = Files.size(file);
            if (size != KEY_FILE_BYTES) {
                throw new WrongRootOfTrustException("key file " + file + " is " + size + " bytes; a Trent key file is "
                        + "exactly " + KEY_FILE_BYTES + " random bytes");
            }
            requireOwnerOnly(file);
            bytes = Files.readAllBytes(file);
            if (bytes.length != KEY_FILE_BYTES) {
                throw new WrongRootOfTrustException("key file " + file + " changed size while it was being read");
            }
            return new KeyFileRootOfTrust(file, new RootKey(bytes));
        } catch (IOException e) {
            throw new StorageException("cannot read key file " + file + ": " + e, e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    /** Where the file system has POSIX permissions: no permission bit for the group or others. */
    private static void requireOwnerOnly(Path file) throws IOException {
        if (!OwnerOnlyFiles.hasPosixPermissions()) {
            return;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(mode)) {
            throw new UnprotectedKeyFileException(file, PosixFilePermissions.toString(mode));
        }
    }

    private static KeyFileRootOfTrust createOrLoad(Path file) {
        byte[] bytes = new byte[KEY_FILE_BYTES];
        boolean created = false;
        try {
            OwnerOnlyFiles.createDirectories(file.getParent());
            try (FileChannel channel = OwnerOnlyFiles.createNew(file)) {
                created = true;
                AesGcm.random().nextBytes(bytes);
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // The store is committed only after this returns, so the key must reach the disk first.
                channel.force(true);
            }
            OwnerOnlyFiles.syncDirectory(file.getParent());
            return new KeyFileRootOfTrust(file, new RootKey(bytes));
        } catch (FileAlreadyExistsException e) {
            // Another process created it between our check and our create; that file is the key.
            return load(file);
        } catch (IOException | RuntimeException e) {
            if (created) {
                deleteQuietly(file);
            }
            if (e instanceof StorageException) {
                throw (StorageException) e;
            }
            throw new StorageException("cannot create key file " + file + ": " + e, e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException ignored) {
            // A half-written key file is rejected on the next start by its size check.
        }
    }
}
