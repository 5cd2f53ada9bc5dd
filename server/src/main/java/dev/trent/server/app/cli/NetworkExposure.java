package dev.trent.server.app.cli;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.auth.AuthMode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * What {@code trent serve} says when its API can be reached from other machines: without credentials checked it
 * refuses to start unless told to, and with the well-known default credentials it warns.
 */
final class NetworkExposure {

    private NetworkExposure() {
    }

    /** Why Trent will not listen on {@code host}, or empty when it may. */
    static Optional<String> refusal(String host, AuthMode mode, boolean allowRemote) {
        if (mode.verifiesSignatures() || allowRemote || isLoopback(host)) {
            return Optional.empty();
        }
        return Optional.of("refusing to listen on " + host + " with --auth off, where anyone who can connect could"
                + " use, wipe or destroy the keys; require signed requests with --auth verify, or give"
                + " --allow-remote to accept that");
    }

    /** The warning line, or empty when Trent listens on a loopback address only. */
    static Optional<String> warning(TrentConfig config) {
        if (isLoopback(config.host())) {
            return Optional.empty();
        }
        if (config.authMode().verifiesSignatures()) {
            if (!config.defaultRootCredentialsActive()) {
                return Optional.empty();
            }
            return Optional.of("Warning: listening on " + config.host() + " with the well-known root credentials"
                    + " 'test'/'test' of account " + config.accountId() + ", which anyone can sign with; give that"
                    + " account its own with --root-credentials.");
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
