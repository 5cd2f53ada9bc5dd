package dev.trent.storage;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one row of {@code barrier_keyring}: root kind, root parameters, wrapped keyring and (from schema version 2)
 * their checksum, which tells a damaged row from a root of trust that does not fit. Each method runs inside the
 * caller's transaction.
 */
final class SqliteKeyringRow {

    private SqliteKeyringRow() {
    }

    /**
     * @param hasChecksum whether the schema has the checksum column (version 2 and later)
     * @throws StoreDamagedException if the row no longer matches its checksum
     */
    static SealedKeyring read(Connection c, boolean hasChecksum, Path databaseFile) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT root_kind, root_parameters, wrapped_keyring"
                        + (hasChecksum ? ", keyring_checksum" : "") + " FROM barrier_keyring WHERE id = 1");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the barrier_keyring row is missing");
            }
            SealedKeyring stored = new SealedKeyring(row.getString(1), row.getBytes(2), row.getBytes(3));
            byte[] checksum = hasChecksum ? row.getBytes(4) : null;
            if (checksum != null && !MessageDigest.isEqual(checksum, stored.checksum())) {
                throw new StoreDamagedException("the stored keyring in " + databaseFile + " is damaged: it no longer "
                        + "matches its checksum, so no root of trust can open it (this is not a wrong key file, "
                        + "passphrase or token); restore the database from a backup");
            }
            return stored;
        }
    }

    static void insert(Connection c, SealedKeyring sealedKeyring) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO barrier_keyring"
                + " (id, root_kind, root_parameters, wrapped_keyring, keyring_checksum) VALUES (1, ?, ?, ?, ?)")) {
            insert.setString(1, sealedKeyring.rootKind());
            insert.setBytes(2, sealedKeyring.rootParameters());
            insert.setBytes(3, sealedKeyring.wrappedKeyring());
            insert.setBytes(4, sealedKeyring.checksum());
            insert.executeUpdate();
        }
    }

    static void replace(Connection c, SealedKeyring sealedKeyring) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE barrier_keyring SET root_kind = ?,"
                + " root_parameters = ?, wrapped_keyring = ?, keyring_checksum = ? WHERE id = 1")) {
            update.setString(1, sealedKeyring.rootKind());
            update.setBytes(2, sealedKeyring.rootParameters());
            update.setBytes(3, sealedKeyring.wrappedKeyring());
            update.setBytes(4, sealedKeyring.checksum());
            if (update.executeUpdate() != 1) {
                throw new SQLException("the barrier_keyring row is missing");
            }
        }
    }

    /** One UPDATE: SQLite writes every column together or none; returns whether {@code expected} was there. */
    static boolean replaceIfUnchanged(Connection c, SealedKeyring expected, SealedKeyring replacement)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE barrier_keyring"
                + " SET root_kind = ?, root_parameters = ?, wrapped_keyring = ?, keyring_checksum = ?"
                + " WHERE id = 1 AND root_kind = ? AND root_parameters = ? AND wrapped_keyring = ?")) {
            update.setString(1, replacement.rootKind());
            update.setBytes(2, replacement.rootParameters());
            update.setBytes(3, replacement.wrappedKeyring());
            update.setBytes(4, replacement.checksum());
            update.setString(5, expected.rootKind());
            update.setBytes(6, expected.rootParameters());
            update.setBytes(7, expected.wrappedKeyring());
            return update.executeUpdate() == 1;
        }
    }

    /** Stores the checksum of a keyring written before checksums existed (schema version 1). */
    static void fillChecksum(Connection c) throws SQLException {
        SealedKeyring stored;
        try (PreparedStatement select = c.prepareStatement("SELECT root_kind, root_parameters, wrapped_keyring"
                        + " FROM barrier_keyring WHERE id = 1 AND keyring_checksum IS NULL");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return;
            }
            stored = new SealedKeyring(row.getString(1), row.getBytes(2), row.getBytes(3));
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE barrier_keyring SET keyring_checksum = ? WHERE id = 1")) {
            update.setBytes(1, stored.checksum());
            update.executeUpdate();
        }
    }
}
