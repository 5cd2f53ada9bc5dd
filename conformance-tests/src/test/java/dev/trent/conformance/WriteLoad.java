package dev.trent.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Writers on a few threads, each creating keys and writing to them through the SDK as fast as answers come,
 * recording in {@link AcknowledgedWrites} only what the server answered. Told to stop before the server is
 * killed, so an error after that is the kill's doing and an error before it is a failure.
 */
final class WriteLoad {

    private final KmsClient kms;
    private final AcknowledgedWrites acked;
    private final String name;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> writers = new ArrayList<>();

    private WriteLoad(KmsClient kms, AcknowledgedWrites acked, String name) {
        this.kms = kms;
        this.acked = acked;
        this.name = name;
    }

    static WriteLoad start(KmsClient kms, AcknowledgedWrites acked, String name, int threads) {
        WriteLoad load = new WriteLoad(kms, acked, name);
        for (int t = 0; t < threads; t++) {
            String writer = name + " writer " + t;
            Thread thread = new Thread(() -> load.write(writer), writer);
            load.writers.add(thread);
            thread.start();
        }
        return load;
    }

    /** Waits until this load has had {@code count} writes acknowledged; false if not within the time. */
    boolean awaitAcknowledged(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (acknowledged.get() < count && failures.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return acknowledged.get() >= count;
    }

    /** From now on, errors are expected: the server is about to be killed. */
    void stopping() {
        stopping.set(true);
    }

    /** Waits for the writers to end; returns what failed before {@link #stopping()}. */
    List<Throwable> join() throws InterruptedException {
        for (Thread writer : writers) {
            writer.join(30_000);
        }
        return List.copyOf(failures);
    }

    int acknowledged() {
        return acknowledged.get();
    }

    private void write(String writer) {
        try {
            for (int n = 0; !stopping.get(); n++) {
                writeOneKey(writer + " #" + n, n);
            }
        } catch (RuntimeException e) {
            if (!stopping.get()) {
                failures.add(e);
            }
        }
    }

    /** One key and its writes: a tag, an alias, ciphertexts, then rotation or a doomed sibling key. */
    private void writeOneKey(String description, int n) {
        String keyId = kms.createKey(b -> b.description(description)).keyMetadata().keyId();
        ack(() -> acked.keyCreated(keyId, description));
        kms.tagResource(b -> b.keyId(keyId).tags(Tag.builder().tagKey("writer").tagValue(description).build()));
        ack(() -> acked.tagged(keyId, "writer", description));
        String alias = "alias/crash/" + keyId;
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(keyId));
        ack(() -> acked.aliasCreated(alias, keyId));
        for (int i = 0; i < 3; i++) {
            byte[] plaintext = (description + " message " + i).getBytes(StandardCharsets.UTF_8);
            Map<String, String> context = Map.of("writer", description, "message", Integer.toString(i));
            SdkBytes blob = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext))
                    .encryptionContext(context)).ciphertextBlob();
            ack(() -> acked.encrypted(new AcknowledgedWrites.Ciphertext(keyId, blob, context, plaintext)));
        }
        if (n % 2 == 0) {
            kms.enableKeyRotation(b -> b.keyId(keyId));
            ack(() -> acked.rotationEnabled(keyId));
        } else {
            String doomedDescription = description + " doomed";
            String doomed = kms.createKey(b -> b.description(doomedDescription)).keyMetadata().keyId();
            ack(() -> acked.keyCreated(doomed, doomedDescription));
            acked.deletionAsked(doomed);
            kms.scheduleKeyDeletion(b -> b.keyId(doomed).pendingWindowInDays(7));
            ack(() -> acked.deletionScheduled(doomed));
        }
    }

    private void ack(Runnable record) {
        record.run();
        acknowledged.incrementAndGet();
    }
}
