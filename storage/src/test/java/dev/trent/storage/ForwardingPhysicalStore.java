package dev.trent.storage;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** Passes every call to another store; tests override single methods to inject failures around them. */
class ForwardingPhysicalStore implements PhysicalStore {

    final PhysicalStore delegate;

    ForwardingPhysicalStore(PhysicalStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<SealedKeyring> readSealedKeyring() {
        return delegate.readSealedKeyring();
    }

    @Override
    public void initialize(SealedKeyring sealedKeyring) {
        delegate.initialize(sealedKeyring);
    }

    @Override
    public void migrate() {
        delegate.migrate();
    }

    @Override
    public void replaceSealedKeyring(SealedKeyring sealedKeyring) {
        delegate.replaceSealedKeyring(sealedKeyring);
    }

    @Override
    public boolean replaceSealedKeyringIfUnchanged(SealedKeyring expected, SealedKeyring replacement) {
        return delegate.replaceSealedKeyringIfUnchanged(expected, replacement);
    }

    @Override
    public Optional<byte[]> get(String path) {
        return delegate.get(path);
    }

    @Override
    public SortedMap<String, byte[]> scan(String prefix) {
        return delegate.scan(prefix);
    }

    @Override
    public void apply(List<PhysicalWrite> writes) {
        delegate.apply(writes);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
