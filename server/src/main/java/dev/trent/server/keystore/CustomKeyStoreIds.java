package dev.trent.server.keystore;

import dev.trent.server.crypto.Random;
import java.util.HexFormat;

/** Custom key store ids as AWS makes them: {@code cks-} and 17 lowercase hex digits. */
public final class CustomKeyStoreIds {

    private CustomKeyStoreIds() {
    }

    public static String random() {
        return "cks-" + HexFormat.of().formatHex(Random.bytes(9)).substring(0, 17);
    }
}
