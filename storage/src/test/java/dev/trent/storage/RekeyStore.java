package dev.trent.storage;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The store a rekey test runs against, SQLite or in memory, behind handles that can be closed and opened again. */
interface RekeyStore {

    /** A new handle on the store under test; closing it keeps what is stored. */
    PhysicalStore open();

    /** A handle on a store that was never initialized. */
    PhysicalStore openEmpty();

    /** Everything stored, byte for byte, to prove that an operation wrote nothing. */
    Map<String, byte[]> contents() throws IOException;

    static RekeyStore sqlite(Path dir) {
        Path db = dir.resolve("data").resolve("trent.db");
        return new RekeyStore() {
            @Override
            public PhysicalStore open() {
                return SqlitePhysicalStore.open(db);
            }

            @Override
            public PhysicalStore openEmpty() {
                return SqlitePhysicalStore.open(dir.resolve("empty").resolve("trent.db"));
            }

            @Override
            public Map<String, byte[]> contents() throws IOException {
                // The database and its WAL, but not the key files beside the data dir.
                Map<String, byte[]> files = new TreeMap<>();
                TestFiles.snapshot(db.getParent()).forEach((file, bytes) -> files.put(file.toString(), bytes));
                return files;
            }
        };
    }

    static RekeyStore inMemory() {
        InMemoryPhysicalStore memory = new InMemoryPhysicalStore();
        return new RekeyStore() {
            @Override
            public PhysicalStore open() {
                return new ForwardingPhysicalStore(memory) {
                    @Override
                    public void close() {
                        // The one in-memory store is the whole "disk"; closing a handle must not erase it.
                    }
                };
            }

            @Override
            public PhysicalStore openEmpty() {
                return new InMemoryPhysicalStore();
            }

            @Override
            public Map<String, byte[]> contents() {
                Map<String, byte[]> contents = new TreeMap<>();
                memory.readSealedKeyring().ifPresent(sealed -> {
                    contents.put("root kind", sealed.rootKind().getBytes(UTF_8));
                    contents.put("root parameters", sealed.rootParameters());
                    contents.put("wrapped keyring", sealed.wrappedKeyring());
                    memory.scan("").forEach((path, value) -> contents.put("record " + path, value));
                });
                return contents;
            }
        };
    }
}
