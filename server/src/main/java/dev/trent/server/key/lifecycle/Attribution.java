package dev.trent.server.key.lifecycle;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who causes a change to a key, by what, and why: what a lifecycle history entry records. The request path
 * sets it once per operation and the background tasks set their own, so the services that change keys need not
 * pass the caller through every signature. It is bound to the thread for the duration of {@link #during}.
 *
 * @param trigger what caused the change: an AWS operation name ("DisableKey"), a Trent action or a time-driven
 *                event ("deletion window ended")
 * @param caller  who asked: the request's access key and account, "admin API", or "Trent" for time-driven events
 * @param reason  the reason given, or null
 */
public record Attribution(String trigger, String caller, String reason) {

    /** Changes made with no attribution in place: by Trent itself. */
    public static final Attribution TRENT = new Attribution("Trent", "Trent", null);

    private static final ThreadLocal<Attribution> CURRENT = new ThreadLocal<>();

    public Attribution {
        Objects.requireNonNull(trigger);
        Objects.requireNonNull(caller);
    }

    /** The attribution in effect on this thread. */
    public static Attribution current() {
        Attribution current = CURRENT.get();
        return current == null ? TRENT : current;
    }

    /** Runs {@code work} with this attribution in effect, restoring the previous one afterwards. */
    public <T> T during(Supplier<T> work) {
        Attribution previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** As {@link #during(Supplier)}, for work without a result. */
    public void during(Runnable work) {
        during(() -> {
            work.run();
            return null;
        });
    }
}
