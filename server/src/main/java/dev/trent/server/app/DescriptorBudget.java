package dev.trent.server.app;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The default connection limit: what the process's file descriptor limit leaves free at start-up, less a reserve
 * for what else needs descriptors (storage, PKCS#11 libraries, init scripts, accepting itself), and at most
 * {@link #CEILING}. Each connection holds one descriptor; without a limit below the process's, a flood of
 * connections leaves none for anything else.
 */
public final class DescriptorBudget {

    /** Far above what a local KMS endpoint needs, low enough to keep a flood's memory small. */
    public static final int CEILING = 10_000;
    /** Descriptors kept back for everything that is not a client connection. */
    public static final int RESERVE = 64;

    private DescriptorBudget() {
    }

    static int defaultMaxConnections() {
        try {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof UnixOperatingSystemMXBean unix) {
                return forDescriptors(unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount());
            }
        } catch (LinkageError e) {
            // A runtime built without the jdk.management module cannot tell; Windows has no such limit.
        }
        return CEILING;
    }

    /** A small limit keeps half of what is free in reserve rather than all of it. */
    static int forDescriptors(long limit, long open) {
        long free = limit - open;
        long reserve = Math.min(RESERVE, free / 2);
        return (int) Math.max(1, Math.min(CEILING, free - reserve));
    }
}
