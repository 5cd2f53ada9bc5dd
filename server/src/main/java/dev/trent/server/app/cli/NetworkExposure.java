package dev.trent.server.app.cli;

import dev.trent.server.app.TrentConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** The warning {@code trent serve} prints when its unauthenticated API can be reached from other machines. */
final class NetworkExposure {

    private NetworkExposure() {
    }

    /** The warning line, or empty when Trent listens on a loopback address only. */
    static Optional<String> warning(TrentConfig config) {
        if (isLoopback(config.host())) {
            return Optional.empty();
        }
        String names = config.hostnames().isEmpty() ? "none given" : String.join(", ", config.hostnames());
        return Optional.of("Warning: listening on " + config.host() + ", so Trent's API, which checks no"
                + " credentials, is reachable from the network: anyone who can connect can use, wipe or destroy"
                + " its keys. Requests are accepted when their Host header is localhost, an IP address, "
                + config.host() + " or a --hostname (" + names + ").");
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            // Binding will fail and say so; this is not the place to report it.
            return true;
        }
    }
}
