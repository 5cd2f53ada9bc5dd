package dev.trent.server.keystore;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What Trent offers as a CloudHSM cluster: a PKCS#11 token, named by the library that drives it and the
 * token's label. The id follows the model's CloudHsmClusterIdType so SDKs accept it.
 */
public record Cluster(String id, Path library, String tokenLabel) {

    /** CloudHsmClusterIdType: pattern {@code cluster-[2-7a-zA-Z]{11,16}}, 19 to 24 characters. */
    public static final Pattern ID = Pattern.compile("cluster-[2-7a-zA-Z]{11,16}");

    public Cluster {
        Objects.requireNonNull(library);
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a cluster id matches cluster-[2-7a-zA-Z]{11,16}, got '" + id + "'");
        }
        if (tokenLabel == null || tokenLabel.isEmpty() || tokenLabel.length() > 32) {
            throw new IllegalArgumentException("a token label is 1 to 32 characters");
        }
    }

    /**
     * Parses {@code cluster-<id>=<library>:<token label>}. The label follows the last colon, so a library path
     * may itself contain colons.
     */
    public static Cluster parse(String text) {
        int equals = text.indexOf('=');
        int colon = text.lastIndexOf(':');
        if (equals < 1 || colon <= equals + 1 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected cluster-<id>=<pkcs11-library>:<token-label>, got '" + text + "'");
        }
        return new Cluster(text.substring(0, equals), Path.of(text.substring(equals + 1, colon)),
                text.substring(colon + 1));
    }
}
