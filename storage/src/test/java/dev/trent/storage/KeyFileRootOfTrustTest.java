package dev.trent.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileRootOfTrustTest {

    private static final byte[] AAD = "trent/test".getBytes(UTF_8);
    private static final byte[] PLAINTEXT = "keyring bytes".getBytes(UTF_8);

    @TempDir
    Path dir;

    @Test
    void initialize_absentFile_createsOwnerOnly32ByteFile() throws Exception {
        Path keyFile = dir.resolve("secrets").resolve("trent.key");
        RootOfTrust root = KeyFileRootOfTrust.provider(keyFile).initialize();
        assertEquals("key-file", root.kind());
        assertArrayEquals(new byte[0], root.parameters());
        assertEquals(32, Files.size(keyFile));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(keyFile));
        assertEquals(PosixFilePermissions.fromString("rwx------"),
                Files.getPosixFilePermissions(keyFile.getParent()));
    }

    @Test
    void initialize_existingFile_usesItsKey() throws Exception {
        Path keyFile = dir.resolve("trent.key");
        byte[] wrapped = KeyFileRootOfTrust.provider(keyFile).initialize().wrap(PLAINTEXT, AAD);
        byte[] keyBytes = Files.readAllBytes(keyFile);
        RootOfTrust again = KeyFileRootOfTrust.provider(keyFile).initialize();
        assertArrayEquals(keyBytes, Files.readAllBytes(keyFile));
        assertArrayEquals(PLAINTEXT, again.unwrap(wrapped, AAD));
    }

    @Test
    void initialize_existingFileOfWrongSize_throwsClearError() throws Exception {
        Path keyFile = dir.resolve("trent.key");
        Files.write(keyFile, new byte[31]);
        WrongRootOfTrustException e = assertThrows(WrongRootOfTrustException.class,
                () -> KeyFileRootOfTrust.provider(keyFile).initialize());
        assertTrue(e.getMessage().contains("31 bytes") && e.getMessage().contains("exactly 32"), e.getMessage());
    }

    @Test
    void initialize_existingFileOthersMayRead_isRefusedWithTheChmodToRun() throws Exception {
        Path keyFile = dir.resolve("trent.key");
        KeyFileRootOfTrust.provider(keyFile).initialize();
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        UnprotectedKeyFileException e = assertThrows(UnprotectedKeyFileException.class,
                () -> KeyFileRootOfTrust.provider(keyFile).initialize());

        assertEquals("key file " + keyFile + " is open to other users (rw-r--r--); a key file must be readable and"
                + " writable by its owner only: run chmod 600 " + keyFile, e.getMessage());
    }

    @Test
    void open_existingFileGroupOrOthersHaveAnyPermission_isRefused_ownerOnlyModesAreAccepted() throws Exception {
        Path keyFile = dir.resolve("trent.key");
        byte[] wrapped = KeyFileRootOfTrust.provider(keyFile).initialize().wrap(PLAINTEXT, AAD);
        for (String mode : new String[] {"rw-r-----", "rw----r--", "rw-----w-", "rw--w----", "rw------x"}) {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString(mode));
            UnprotectedKeyFileException e = assertThrows(UnprotectedKeyFileException.class,
                    () -> KeyFileRootOfTrust.provider(keyFile).open("key-file", new byte[0]), mode);
            assertTrue(e.getMessage().contains("(" + mode + ")"), e.getMessage());
        }
        for (String mode : new String[] {"rw-------", "r--------"}) {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString(mode));
            assertArrayEquals(PLAINTEXT, KeyFileRootOfTrust.provider(keyFile).open("key-file", new byte[0])
                    .unwrap(wrapped, AAD), mode);
        }
    }

    @Test
    void open_missingFile_throwsWithoutCreatingIt() {
        Path keyFile = dir.resolve("gone.key");
        WrongRootOfTrustException e = assertThrows(WrongRootOfTrustException.class,
                () -> KeyFileRootOfTrust.provider(keyFile).open("key-file", new byte[0]));
        assertTrue(e.getMessage().contains("not found; this data dir was sealed with a key file"), e.getMessage());
        assertFalse(Files.exists(keyFile));
    }

    @Test
    void open_storeSealedWithPassphrase_throwsWrongRootNamingBothKinds() throws Exception {
        Path keyFile = dir.resolve("trent.key");
        KeyFileRootOfTrust.provider(keyFile).initialize();
        WrongRootOfTrustException e = assertThrows(WrongRootOfTrustException.class,
                () -> KeyFileRootOfTrust.provider(keyFile).open("passphrase", new byte[0]));
        assertTrue(e.getMessage().contains("sealed with a passphrase") && e.getMessage().contains("a key file"),
                e.getMessage());
    }

    @Test
    void unwrap_withAnotherKeyFile_throwsWrongRoot() {
        byte[] wrapped = KeyFileRootOfTrust.provider(dir.resolve("one.key")).initialize().wrap(PLAINTEXT, AAD);
        RootOfTrust other = KeyFileRootOfTrust.provider(dir.resolve("two.key")).initialize();
        WrongRootOfTrustException e = assertThrows(WrongRootOfTrustException.class, () -> other.unwrap(wrapped, AAD));
        assertTrue(e.getMessage().contains("two.key"), e.getMessage());
    }

    @Test
    void unwrap_withOtherAad_throwsWrongRoot() {
        RootOfTrust root = KeyFileRootOfTrust.provider(dir.resolve("one.key")).initialize();
        byte[] wrapped = root.wrap(PLAINTEXT, AAD);
        assertThrows(WrongRootOfTrustException.class, () -> root.unwrap(wrapped, "other".getBytes(UTF_8)));
    }

    @Test
    void toString_namesTheFileButNotTheKey() throws Exception {
        Path keyFile = dir.resolve("trent.key");
        RootOfTrust root = KeyFileRootOfTrust.provider(keyFile).initialize();
        assertTrue(root.toString().contains("trent.key"));
        String hex = HexFormat.of().formatHex(Files.readAllBytes(keyFile));
        assertFalse(root.toString().toLowerCase().contains(hex.substring(0, 8)));
    }
}
