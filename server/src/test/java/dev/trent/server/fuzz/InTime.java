package dev.trent.server.fuzz;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs each input on a worker thread and fails it when it is not answered in time: a hang is a finding like a
 * 500, reported with its input at once, rather than a fuzzing run stuck on one input until the build times
 * out. JUnit's own timeout cannot do this, as it would time the whole fuzzing session.
 */
final class InTime {

    /** Far beyond any request's time, even generating an RSA-4096 key pair on a loaded machine. */
    static final Duration LIMIT = Duration.ofSeconds(30);

    private static ExecutorService worker = newWorker();

    private InTime() {
    }

    static synchronized <T> T run(Callable<T> work, Supplier<String> input) {
        Future<T> answer = worker.submit(work);
        try {
            return answer.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The stuck thread is left to itself; the inputs after this one get a thread of their own.
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("not answered within " + LIMIT + ": " + input.get(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz-input");
            thread.setDaemon(true);
            return thread;
        });
    }
}
