package dev.trent.pkcs11;

import dev.trent.storage.StorageException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What a PKCS#11 root of trust stores beside the wrapped keyring: which token and which key in it, nothing
 * secret. Encoded (big-endian) as version (1 byte, = 1) || token label length (2) || token label (UTF-8) || key
 * label length (2) || key label (UTF-8).
 */
record RootParameters(String tokenLabel, String keyLabel) {

    private static final byte FORMAT_VERSION = 1;

    byte[] encode() {
        byte[] token = tokenLabel.getBytes(StandardCharsets.UTF_8);
        byte[] key = keyLabel.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 2 + token.length + 2 + key.length)
                .put(FORMAT_VERSION)
                .putShort((short) token.length).put(token)
                .putShort((short) key.length).put(key)
                .array();
    }

    static RootParameters decode(byte[] encoded) {
        try {
            ByteBuffer in = ByteBuffer.wrap(encoded);
            if (in.get() != FORMAT_VERSION) {
                throw malformed();
            }
            String token = readLabel(in);
            String key = readLabel(in);
            if (in.hasRemaining()) {
                throw malformed();
            }
            return new RootParameters(token, key);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static String readLabel(ByteBuffer in) {
        byte[] label = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(label);
        return new String(label, StandardCharsets.UTF_8);
    }

    private static StorageException malformed() {
        return new StorageException("the stored PKCS#11 root-of-trust parameters are malformed; was this data dir "
                + "written by a newer Trent?");
    }
}
