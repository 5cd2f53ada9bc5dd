package dev.trent.server.repository;

import dev.trent.server.key.KeyId;
import dev.trent.server.key.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The records that could not be served when the store was loaded, and the keys they belong to. A damaged key
 * is left out of the repository, so nothing reads its half-trusted records; callers that name it are told it is
 * damaged rather than that it does not exist.
 */
public final class DamagedRecords {

    /** A key that is not served, and why. */
    public record DamagedKey(Scope scope, KeyId id, List<String> reasons) {
    }

    private record Ref(Scope scope, KeyId id) {
    }

    private final Map<Ref, List<String>> keys = new ConcurrentHashMap<>();
    private final List<String> others = new CopyOnWriteArrayList<>();

    /** Files {@code path} under the key it belongs to, or among the others. */
    void add(String path, String reason) {
        Optional<Ref> key = keyOf(path);
        if (key.isPresent()) {
            keys.computeIfAbsent(key.get(), k -> new CopyOnWriteArrayList<>()).add(reason);
        } else {
            others.add(reason);
        }
    }

    boolean names(Scope scope, KeyId id) {
        return keys.containsKey(new Ref(scope, id));
    }

    /** Why the key is not served; empty for a key that is not damaged. */
    public Optional<List<String>> reasons(Scope scope, KeyId id) {
        return Optional.ofNullable(keys.get(new Ref(scope, id))).map(List::copyOf);
    }

    /** Every damaged key. */
    public List<DamagedKey> keys() {
        List<DamagedKey> out = new ArrayList<>();
        keys.forEach((ref, reasons) -> out.add(new DamagedKey(ref.scope(), ref.id(), List.copyOf(reasons))));
        out.sort(java.util.Comparator.comparing((DamagedKey k) -> k.scope().account())
                .thenComparing(k -> k.scope().region()).thenComparing(k -> k.id().value()));
        return out;
    }

    /** Damaged records that belong to no key (aliases, custom key stores, ...). */
    public List<String> others() {
        return List.copyOf(others);
    }

    public boolean isEmpty() {
        return keys.isEmpty() && others.isEmpty();
    }

    void clear() {
        keys.clear();
        others.clear();
    }

    /** {@code TYPE/ACCOUNT/REGION/ID[/...]} names a key for every record type but aliases. */
    private static Optional<Ref> keyOf(String path) {
        String[] segments = path.split("/", 5);
        if (segments.length < 4 || (RecordPaths.ALIASES).equals(segments[0] + "/")
                || !RecordPaths.REPOSITORY_PREFIXES.contains(segments[0] + "/")) {
            return Optional.empty();
        }
        return KeyId.parse(segments[3]).map(id -> new Ref(new Scope(segments[1], segments[2]), id));
    }
}
