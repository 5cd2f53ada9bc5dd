package dev.trent.server.keystore;

import dev.trent.server.key.Scope;
import java.time.Instant;
import java.util.Objects;

/**
 * One AWS_CLOUDHSM custom key store of an account and Region, as stored. {@code connectRequested} is the state
 * the caller asked for last (ConnectCustomKeyStore sets it, DisconnectCustomKeyStore clears it); the live
 * connection state is held in memory by {@link Connections}. The KeyStorePassword is not part of this value:
 * it is kept in its own sealed record and only read to log in.
 */
public record CustomKeyStore(Scope scope, String id, String name, String clusterId, String trustAnchorCertificate,
                             Instant creationDate, boolean connectRequested) {

    public CustomKeyStore {
        Objects.requireNonNull(scope);
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(clusterId);
        Objects.requireNonNull(trustAnchorCertificate);
        Objects.requireNonNull(creationDate);
    }

    public CustomKeyStoreType type() {
        return CustomKeyStoreType.AWS_CLOUDHSM;
    }

    public CustomKeyStore withName(String newName) {
        return new CustomKeyStore(scope, id, newName, clusterId, trustAnchorCertificate, creationDate,
                connectRequested);
    }

    public CustomKeyStore withClusterId(String newClusterId) {
        return new CustomKeyStore(scope, id, name, newClusterId, trustAnchorCertificate, creationDate,
                connectRequested);
    }

    public CustomKeyStore withConnectRequested(boolean requested) {
        return new CustomKeyStore(scope, id, name, clusterId, trustAnchorCertificate, creationDate, requested);
    }
}
