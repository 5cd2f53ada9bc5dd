package dev.trent.server.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.crypto.SecretAccess;
import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.key.Scope;
import dev.trent.server.repository.SealedRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Custom key stores at rest. Each store is one record, and its KeyStorePassword another, both sealed by the
 * barrier like every record; the password has its own path so that listing stores never opens it. Field names
 * are a storage format.
 */
final class KeyStoreRecords {

    static final String STORES = "keystores/";
    static final String PASSWORDS = "keystore-passwords/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SealedRecords barrier;

    KeyStoreRecords(SealedRecords barrier) {
        this.barrier = barrier;
    }

    List<CustomKeyStore> loadAll() {
        List<CustomKeyStore> out = new ArrayList<>();
        for (byte[] record : barrier.all(STORES).values()) {
            out.add(decode(record));
        }
        return out;
    }

    /** The store's password; only a connect reads it. The caller clears the returned array. */
    char[] password(CustomKeyStore store) {
        byte[] raw = barrier.get(passwordPath(store.scope(), store.id()))
                .orElseThrow(() -> new IllegalStateException("the password of " + store.id() + " is missing"));
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(raw));
            char[] out = Arrays.copyOf(chars.array(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return out;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Writes the store and, when {@code password} is not null, its new password, in one commit. */
    void put(CustomKeyStore store, SecretBytes password) {
        Map<String, byte[]> puts = new LinkedHashMap<>();
        puts.put(path(store.scope(), store.id()), encode(store));
        if (password != null) {
            puts.put(passwordPath(store.scope(), store.id()), password.reveal(SecretAccess.INSTANCE));
        }
        barrier.write(puts, List.of());
    }

    void delete(CustomKeyStore store) {
        barrier.write(Map.of(), List.of(path(store.scope(), store.id()), passwordPath(store.scope(), store.id())));
    }

    /** The path of every store record and every password record, read from storage. */
    List<String> storedPaths() {
        List<String> out = new ArrayList<>(barrier.paths(STORES));
        out.addAll(barrier.paths(PASSWORDS));
        return out;
    }

    private static String path(Scope scope, String id) {
        return STORES + scope.account() + "/" + scope.region() + "/" + id;
    }

    private static String passwordPath(Scope scope, String id) {
        return PASSWORDS + scope.account() + "/" + scope.region() + "/" + id;
    }

    private static byte[] encode(CustomKeyStore store) {
        ObjectNode n = JSON.createObjectNode()
                .put("format", 1)
                .put("account", store.scope().account())
                .put("region", store.scope().region())
                .put("id", store.id())
                .put("name", store.name())
                .put("type", store.type().name())
                .put("clusterId", store.clusterId())
                .put("trustAnchorCertificate", store.trustAnchorCertificate())
                .put("created", store.creationDate().toString())
                .put("connectRequested", store.connectRequested());
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CustomKeyStore decode(byte[] record) {
        try {
            JsonNode n = JSON.readTree(record);
            return new CustomKeyStore(new Scope(n.get("account").asText(), n.get("region").asText()),
                    n.get("id").asText(), n.get("name").asText(), n.get("clusterId").asText(),
                    n.get("trustAnchorCertificate").asText(), Instant.parse(n.get("created").asText()),
                    n.get("connectRequested").asBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
