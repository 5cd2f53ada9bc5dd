package dev.trent.server.ciphertext;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical byte encoding of an encryption context, bound into the AAD of symmetric ciphertexts. Pairs are
 * sorted by the UTF-8 bytes of their keys and every string is length-prefixed, so no two different contexts
 * share an encoding ({"ab":"c"} and {"a":"bc"} differ) and the order the caller sent does not matter. An
 * absent and an empty context encode alike, as AWS treats them alike.
 *
 * <pre>
 * count (4 bytes, big-endian)
 * count times: keyLength (4) key (UTF-8) valueLength (4) value (UTF-8)
 * </pre>
 */
public final class EncryptionContext {

    private EncryptionContext() {
    }

    public static byte[] canonical(Map<String, String> context) {
        TreeMap<byte[], byte[]> sorted = new TreeMap<>(Arrays::compareUnsigned);
        if (context != null) {
            context.forEach((k, v) -> sorted.put(utf8(k), utf8(v)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, sorted.size());
        sorted.forEach((k, v) -> {
            writeInt(out, k.length);
            out.writeBytes(k);
            writeInt(out, v.length);
            out.writeBytes(v);
        });
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
    }
}
