package dev.trent.server.app.cli;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C and SIGTERM for a real process.
 *
 * <p>A plain shutdown hook would close the server too, but the JVM would then exit with 128 + signal number
 * (130, 143) although the shutdown was clean. So INT and TERM are trapped instead: the first one wakes
 * {@link #await()}, the main thread closes the server and {@code trent} exits with 0. A second signal while
 * closing stops the process at once. The shutdown hook stays as the fallback for any other way the JVM ends
 * (SIGHUP, {@code -Xrs}, signal handlers that cannot be installed).
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}) is reached reflectively so the build stays free of
 * "internal proprietary API" warnings; without it only the shutdown hook remains.
 */
public final class ProcessStopSignal implements StopSignal {

    private static final int FORCED_EXIT = 1;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicInteger signalsSeen = new AtomicInteger();
    private final PrintStream err;

    public ProcessStopSignal(PrintStream err) {
        this.err = err;
    }

    @Override
    public void arm(Runnable onJvmShutdown) {
        Runtime.getRuntime().addShutdownHook(new Thread(onJvmShutdown, "trent-shutdown"));
        trap("INT");
        trap("TERM");
    }

    @Override
    public void await() throws InterruptedException {
        stopRequested.await();
    }

    private void onSignal() {
        if (signalsSeen.getAndIncrement() == 0) {
            stopRequested.countDown();
        } else {
            err.println("trent: stopping immediately");
            err.flush();
            Runtime.getRuntime().halt(FORCED_EXIT);
        }
    }

    /** Installs {@link #onSignal()} for the named signal; returns false where the JVM does not allow it. */
    private boolean trap(String signalName) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object signal = signalType.getConstructor(String.class).newInstance(signalName);
            Object handler = Proxy.newProxyInstance(ProcessStopSignal.class.getClassLoader(),
                    new Class<?>[] {handlerType}, (proxy, method, args) -> dispatch(proxy, method, args));
            signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, handler);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return false;
        }
    }

    private Object dispatch(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "handle":
                onSignal();
                return null;
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return "trent stop-signal handler";
        }
    }
}
