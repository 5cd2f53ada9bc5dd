package dev.trent.server.api;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where requests run once they leave the network threads. Expensive work ({@link ExpensiveWork}) has its own few
 * threads, so eight clients generating RSA_4096 keys cannot make a GenerateRandom wait behind them; everything
 * else shares the general lane. Both lanes queue a bounded number of requests: when a lane's queue is full,
 * {@link Executor#execute} throws {@link Full} at once, and the caller answers ThrottlingException instead of
 * letting the queue (and every caller's wait) grow without end.
 */
public final class WorkLanes {

    /** A lane's queue is full; the request was not taken. */
    public static final class Full extends RejectedExecutionException {
        Full(String lane) {
            super("the " + lane + " lane's queue is full");
        }
    }

    /** Threads and queue length of each lane. */
    public record Sizes(int generalThreads, int generalQueue, int expensiveThreads, int expensiveQueue) {

        public Sizes {
            if (generalThreads < 1 || generalQueue < 1 || expensiveThreads < 1 || expensiveQueue < 1) {
                throw new IllegalArgumentException("every lane needs at least one thread and one queue slot: " + this);
            }
        }

        /**
         * For this machine: the general lane as many threads as before the lanes (twice the processors, at least
         * four) and room for 10,000 waiting requests; the expensive lane half the processors (at least one), so a
         * processor stays free for quick requests, and 64 waiting.
         */
        public static Sizes forProcessors(int processors) {
            return new Sizes(Math.max(4, 2 * processors), 10_000, Math.max(1, processors / 2), 64);
        }
    }

    private final ThreadPoolExecutor general;
    private final ThreadPoolExecutor expensive;

    private WorkLanes(ThreadPoolExecutor general, ThreadPoolExecutor expensive) {
        this.general = general;
        this.expensive = expensive;
    }

    /** Two lanes of daemon threads named {@code trent-worker-n} and {@code trent-expensive-n}. */
    public static WorkLanes start(Sizes sizes) {
        return new WorkLanes(lane("trent-worker", "general", sizes.generalThreads(), sizes.generalQueue()),
                lane("trent-expensive", "expensive", sizes.expensiveThreads(), sizes.expensiveQueue()));
    }

    private static ThreadPoolExecutor lane(String threadName, String laneName, int threads, int queue) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                daemonThreads(threadName), (task, executor) -> {
                    if (executor.isShutdown()) {
                        throw new RejectedExecutionException("the " + laneName + " lane is shut down");
                    }
                    throw new Full(laneName);
                });
    }

    /** The lane for the KMS request {@code target} with {@code body}. */
    public Executor forRequest(String target, byte[] body) {
        return ExpensiveWork.isExpensive(target, body) ? expensive : general;
    }

    /** The lane for everything that is not a KMS request (the admin API). */
    public Executor general() {
        return general;
    }

    /** Takes no more work and waits up to {@code grace} per lane for the work taken; then interrupts what runs. */
    public void shutdown(Duration grace) {
        general.shutdown();
        expensive.shutdown();
        try {
            boolean generalDone = general.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!expensive.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS) || !generalDone) {
                general.shutdownNow();
                expensive.shutdownNow();
            }
        } catch (InterruptedException e) {
            general.shutdownNow();
            expensive.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Threads that do not keep the JVM alive, named {@code name-1}, {@code name-2}, ... */
    public static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
