package dev.trent.server.app.cli;

import dev.trent.server.app.SelfSignedCertificate;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.net.URI;
import java.util.Optional;

/**
 * Starts a server for {@code trent serve}. The seam exists so the command line's start-up and shutdown
 * behaviour can be tested without binding a port or opening storage.
 */
@FunctionalInterface
public interface ServerLauncher {

    /** Returns once the server accepts requests; throws whatever start-up threw. */
    RunningServer start(TrentConfig config) throws Exception;

    /** The part of a started server the command line needs. */
    interface RunningServer {
        /** {@code http://host:port} with the port actually bound. */
        URI endpoint();

        /** Stops accepting, drains in-flight requests, closes storage. */
        void close();

        /** The self-signed certificate the server presents, if it made or reused one. */
        default Optional<SelfSignedCertificate.Issued> selfSignedCertificate() {
            return Optional.empty();
        }
    }

    /** The real thing: {@link TrentServer#start(TrentConfig)}. */
    static ServerLauncher trentServer() {
        return config -> {
            TrentServer server = TrentServer.start(config);
            return new RunningServer() {
                @Override
                public URI endpoint() {
                    return server.endpoint();
                }

                @Override
                public void close() {
                    server.close();
                }

                @Override
                public Optional<SelfSignedCertificate.Issued> selfSignedCertificate() {
                    return server.selfSignedCertificate();
                }
            };
        };
    }
}
