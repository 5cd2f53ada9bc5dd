package dev.trent.storage;

import java.nio.file.Path;

/**
 * The other side of {@link SqliteRekeyProcessDeathTest}: rekeys a database in a JVM of its own, which then dies
 * without any clean-up (no finally blocks, no close, no WAL checkpoint), as a crashed process would.
 *
 * <p>Arguments: mode, database file, key file A, key file B. Modes: {@code halt-before-write} and
 * {@code halt-after-write} rekey from A to B and halt at that point with {@link #HALTED}; {@code loop-from-a} and
 * {@code loop-from-b} rekey back and forth for ever, printing a line after each rekey, until they are killed.
 */
final class RekeyChildProcess {

    static final int HALTED = 99;

    private RekeyChildProcess() {}

    public static void main(String[] args) {
        Path db = Path.of(args[1]);
        RootOfTrustProvider a = KeyFileRootOfTrust.provider(Path.of(args[2]));
        RootOfTrustProvider b = KeyFileRootOfTrust.provider(Path.of(args[3]));
        switch (args[0]) {
            case "halt-before-write" -> rekey(db, a, b, true);
            case "halt-after-write" -> rekey(db, a, b, false);
            case "loop-from-a" -> loop(db, a, b);
            case "loop-from-b" -> loop(db, b, a);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        throw new IllegalStateException("the process should have halted in mode " + args[0]);
    }

    private static void rekey(Path db, RootOfTrustProvider from, RootOfTrustProvider to, boolean beforeWrite) {
        PhysicalStore haltsAtTheWrite = new ForwardingPhysicalStore(SqlitePhysicalStore.openForSoleUse(db)) {
            @Override
            public boolean replaceSealedKeyringIfUnchanged(SealedKeyring expected, SealedKeyring replacement) {
                if (beforeWrite) {
                    Runtime.getRuntime().halt(HALTED);
                }
                super.replaceSealedKeyringIfUnchanged(expected, replacement);
                Runtime.getRuntime().halt(HALTED);
                return true;
            }
        };
        Storage.rekey(haltsAtTheWrite, from, to);
    }

    private static void loop(Path db, RootOfTrustProvider from, RootOfTrustProvider to) {
        // Loads SQLite's native library first, so the kill delays measure rekeying rather than JVM warm-up.
        SqlitePhysicalStore.openForSoleUse(db).close();
        System.out.println("ready");
        for (int n = 1; ; n++) {
            try (PhysicalStore physical = SqlitePhysicalStore.openForSoleUse(db)) {
                Storage.rekey(physical, from, to);
            }
            System.out.println("rekeyed " + n);
            RootOfTrustProvider previous = from;
            from = to;
            to = previous;
        }
    }
}
