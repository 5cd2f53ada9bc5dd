package dev.trent.server.policy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 range in CIDR form, as IpAddress and NotIpAddress compare {@code aws:SourceIp}. An address
 * without a prefix is the single address (/32, or /128 for IPv6). Only literal addresses are read, never names,
 * so parsing never touches the network.
 */
public final class IpRange {

    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** The range, or null when the text is not an address or CIDR block. */
    public static IpRange parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        byte[] address = literal(slash < 0 ? t : t.substring(0, slash));
        if (address == null) {
            return null;
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > bits) {
                return null;
            }
        }
        return new IpRange(address, prefix);
    }

    public boolean contains(String addressText) {
        byte[] address = literal(addressText.trim());
        if (address == null || address.length != network.length) {
            return false;
        }
        int bits = address.length * 8;
        BigInteger mask = prefix == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(prefix).subtract(BigInteger.ONE).shiftLeft(bits - prefix);
        return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    private static byte[] literal(String text) {
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            // An IPv4-mapped IPv6 literal comes back as 4 bytes; keep the family the text was written in.
            return v6 && bytes.length == 4 ? null : bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
