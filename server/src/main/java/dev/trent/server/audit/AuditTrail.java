package dev.trent.server.audit;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The one entrance to the trail. Each call is {@link #begin admitted} before it runs and {@link Recording#finish
 * finished} after: a call that changed state had its event written in that change's own commit
 * ({@link #commitWith}); every other call (reads, the data plane, refusals) is handed to the
 * {@link AuditWriter}, so no request waits for storage.
 *
 * <p>Room in the trail is bounded: a call is admitted only while fewer than {@code capacity} events wait to be
 * written; otherwise {@link #begin} throws {@link Full} and the call must be refused without running. So no call
 * runs unrecorded, and a trail that cannot write (a failing disk) stops the calls instead of losing their events.
 */
public final class AuditTrail implements AutoCloseable {

    /** Thrown by {@link #begin} when the events waiting to be written fill the trail's room. */
    public static final class Full extends RuntimeException {
        Full(int capacity) {
            super(capacity + " events are waiting to be written to the audit trail");
        }
    }

    private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<ServiceAction> SERVICE = new ThreadLocal<>();

    private final AuditChain chain;
    private final AuditStore store;
    private final Clock clock;
    private final int capacity;
    private final Semaphore room;
    private final AuditWriter writer;

    public AuditTrail(AuditChain chain, AuditStore store, Clock clock, int capacity) {
        this.chain = chain;
        this.store = store;
        this.clock = clock;
        this.capacity = capacity;
        this.room = new Semaphore(capacity);
        this.writer = new AuditWriter(chain, store, room);
    }

    /** A call about to run: its room is taken, and state it commits on this thread carries its event. */
    public Recording begin(ApiCall call) {
        if (!room.tryAcquire()) {
            throw new Full(capacity);
        }
        Recording recording = new Recording(call);
        CURRENT.set(recording);
        return recording;
    }

    /**
     * Commits a state change: when the call running on this thread has not been recorded yet, its event (as a
     * success, naming {@code touched}) is linked into the chain and {@code commit} writes it together with the
     * change; returns false, having done nothing, when there is no such call.
     */
    public boolean commitWith(List<EventResource> touched, Consumer<ChainAppend> commit) {
        ServiceAction action = SERVICE.get();
        if (action != null) {
            if (touched.isEmpty()) {
                return false;
            }
            chain.append(touched.stream().map(key -> action.eventFor(key, clock.instant())).toList(), commit);
            return true;
        }
        Recording recording = CURRENT.get();
        if (recording == null || recording.written) {
            return false;
        }
        chain.append(List.of(recording.call.event(clock.instant(), ApiCall.Outcome.succeeded(null, touched))),
                commit);
        recording.written = true;
        return true;
    }

    /**
     * Runs {@code task}, in which Trent acts on keys by itself; every commit it makes carries one
     * {@code AwsServiceEvent} of {@code action} per key the commit changes.
     */
    public <T> T asService(ServiceAction action, java.util.function.Supplier<T> task) {
        ServiceAction outer = SERVICE.get();
        SERVICE.set(action);
        try {
            return task.get();
        } finally {
            if (outer == null) {
                SERVICE.remove();
            } else {
                SERVICE.set(outer);
            }
        }
    }

    /**
     * Wipes the trail with the state ({@code wipe} removes both, in one commit) and starts a new chain under a new
     * key ({@code saveKey} stores it), whose first event is {@code reset}. Events still queued are written to the
     * old chain first, so they go with it.
     */
    public void restart(Runnable wipe, Consumer<AuditSigningKey> saveKey, AuditEvent reset) {
        writer.flush();
        // The call asking for the reset (an admin request) is recorded after it, in the new chain.
        Recording caller = CURRENT.get();
        CURRENT.remove();
        try {
            chain.restart(wipe, saveKey, reset, store::write);
        } finally {
            if (caller != null) {
                CURRENT.set(caller);
            }
        }
    }

    /** Waits until every event handed over so far is written. */
    public void flush() {
        writer.flush();
    }

    public AuditChain chain() {
        return chain;
    }

    public String publicKeyPem() {
        return chain.key().publicKeyPem();
    }

    /** Writes what is queued, then a digest of the head, as at shutdown. */
    @Override
    public void close() {
        writer.close();
        chain.digest(false, store::write);
    }

    /** A call admitted to the trail; {@link #finish} it exactly once, whether it succeeded or not. */
    public final class Recording {

        private final ApiCall call;
        private boolean written;
        private boolean finished;

        private Recording(ApiCall call) {
            this.call = call;
        }

        public void finish(ApiCall.Outcome outcome) {
            if (finished) {
                return;
            }
            finished = true;
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
            // A call that committed a state change was recorded by that commit; one event per call.
            if (written) {
                room.release();
                return;
            }
            writer.enqueue(call.event(clock.instant(), outcome));
        }
    }
}
