package dev.trent.storage;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The other process of {@link DataDirLockTest}: takes the lock of the data dir named by its argument, says it
 * is serving, prints {@code locked} and waits until it is killed, so it never releases the lock itself.
 */
final class DataDirLockChildProcess {

    private DataDirLockChildProcess() {}

    public static void main(String[] args) throws InterruptedException {
        DataDirLock lock = DataDirLock.acquire(Path.of(args[0]), "starting", Clock.systemUTC());
        lock.nowDoing("serving http://127.0.0.1:1234");
        System.out.println("locked");
        Thread.sleep(Long.MAX_VALUE);
    }
}
