package dev.trent.server.http;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The authority of a {@code Host} header or an {@code Origin}: a host (lower case, IPv6 without brackets, no
 * trailing dot) and a port, -1 when none is given.
 */
record HostHeader(String host, int port) {

    // Compiled once: every request's Host header passes through here.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern PORT = Pattern.compile(":\\d{1,5}");
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    /** {@code name}, {@code name:port}, {@code [v6]} or {@code [v6]:port}; empty when it is none of these. */
    static Optional<HostHeader> parse(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        String host;
        String rest;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = value.substring(1, close);
            if (!IPV6.matcher(host).matches() || !host.contains(":")) {
                return Optional.empty();
            }
            rest = value.substring(close + 1);
        } else {
            int colon = value.indexOf(':');
            host = colon < 0 ? value : value.substring(0, colon);
            rest = colon < 0 ? "" : value.substring(colon);
            if (!NAME.matcher(host).matches()) {
                return Optional.empty();
            }
        }
        int port = -1;
        if (!rest.isEmpty()) {
            if (!PORT.matcher(rest).matches()) {
                return Optional.empty();
            }
            port = Integer.parseInt(rest.substring(1));
            if (port > 65535) {
                return Optional.empty();
            }
        }
        String normal = host.toLowerCase(Locale.ROOT);
        if (normal.endsWith(".") && normal.length() > 1) {
            normal = normal.substring(0, normal.length() - 1);
        }
        return Optional.of(new HostHeader(normal, port));
    }

    /**
     * True for an IPv4 or IPv6 literal. DNS rebinding needs a name the attacker's DNS answers for, so a literal
     * address can only be the one the client dialled.
     */
    boolean isAddressLiteral() {
        return host.contains(":") || IPV4.matcher(host).matches();
    }

    /** The port, or the scheme's default when none was given. */
    int portOr(int defaultPort) {
        return port < 0 ? defaultPort : port;
    }
}
