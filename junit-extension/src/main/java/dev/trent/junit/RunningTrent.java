package dev.trent.junit;

import dev.trent.server.admin.StateWipe;
import dev.trent.server.app.TrentServer;
import java.net.URI;

/**
 * The Trent a test runs against: its endpoint for {@code endpointOverride}, the Region and account its keys live
 * in by default, and the server itself for what only Trent can do (moving its clock through the admin API, for
 * example).
 */
public final class RunningTrent {

    private final TrentServer server;
    private final String region;
    private final String accountId;

    RunningTrent(TrentServer server, String region, String accountId) {
        this.server = server;
        this.region = region;
        this.accountId = accountId;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** The Region a client without its own gets; the extension's KmsClient uses it. */
    public String region() {
        return region;
    }

    /** The account that owns keys made with credentials Trent does not map to another. */
    public String accountId() {
        return accountId;
    }

    public TrentServer server() {
        return server;
    }

    /**
     * Wipes all of Trent's state, in every account and Region, as {@code POST /_trent/reset} does: keys, aliases,
     * grants, custom key stores and the clock's offset; returns what was removed.
     */
    public StateWipe.Removed reset() {
        return server.reset();
    }
}
