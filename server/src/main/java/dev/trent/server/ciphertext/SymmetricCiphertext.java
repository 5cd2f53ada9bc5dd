package dev.trent.server.ciphertext;

import dev.trent.server.key.KeyId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The self-describing blob that symmetric Encrypt and GenerateDataKey return. It names its key and the
 * material version that made it, so Decrypt needs no KeyId. Everything before the sealed part is
 * authenticated as AAD together with the canonical encryption context.
 *
 * <pre>
 * offset   size  field
 * 0        1     format version, 0x01
 * 1        1     n = length of the key id
 * 2        n     key id, ASCII (a UUID, or mrk- and 32 hex digits)
 * 2+n      4     material version, big-endian
 * 6+n      12    AES-GCM nonce
 * 18+n     rest  AES-256-GCM ciphertext followed by its 16-byte tag
 * </pre>
 */
public record SymmetricCiphertext(KeyId keyId, int materialVersion, byte[] nonce, byte[] sealed) {

    public static final byte FORMAT_VERSION = 0x01;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_LENGTH = 16;

    /** The authenticated header: every byte before the sealed part. */
    public byte[] header() {
        byte[] id = keyId.value().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(2 + id.length + 4 + NONCE_LENGTH)
                .put(FORMAT_VERSION).put((byte) id.length).put(id).putInt(materialVersion).put(nonce)
                .array();
    }

    /** The AAD for AES-GCM: header followed by the canonical encryption context. */
    public byte[] associatedData(byte[] canonicalContext) {
        byte[] header = header();
        return ByteBuffer.allocate(header.length + canonicalContext.length).put(header).put(canonicalContext).array();
    }

    public byte[] toBytes() {
        byte[] header = header();
        return ByteBuffer.allocate(header.length + sealed.length).put(header).put(sealed).array();
    }

    /** Reads a blob; empty when it is not one of ours (the caller answers InvalidCiphertextException). */
    public static Optional<SymmetricCiphertext> parse(byte[] blob) {
        if (blob.length < 2 || blob[0] != FORMAT_VERSION) {
            return Optional.empty();
        }
        int idLength = blob[1] & 0xff;
        if (blob.length < 2 + idLength + 4 + NONCE_LENGTH + TAG_LENGTH) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(blob, 2, blob.length - 2);
        byte[] id = new byte[idLength];
        in.get(id);
        Optional<KeyId> keyId = KeyId.parse(new String(id, StandardCharsets.US_ASCII));
        if (keyId.isEmpty() || !keyId.get().value().equals(new String(id, StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        int version = in.getInt();
        byte[] nonce = new byte[NONCE_LENGTH];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        return Optional.of(new SymmetricCiphertext(keyId.get(), version, nonce, sealed));
    }
}
