package dev.trent.server.iam;

import dev.trent.server.repository.SealedRecords;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * IAM's state, one sealed record per account ({@code iam/account/<id>}), held in memory and written through
 * the barrier before a change is visible. Changes run one at a time; readers see whole accounts, never half a
 * change.
 */
public final class IamStore {

    static final String PREFIX = "iam/account/";
    /** Every IAM record, the accounts' and the session epoch. */
    static final String ALL = "iam/";
    static final String SESSION_EPOCH = "iam/session-epoch";

    /** A change's result: the account as it is to be stored, and what to answer. */
    public record Change<T>(IamAccount account, T answer) {
    }

    private final SealedRecords records;
    private final Map<String, IamAccount> accounts = new ConcurrentHashMap<>();
    private volatile String sessionEpoch;

    private IamStore(SealedRecords records) {
        this.records = records;
    }

    /** Reads every account's record. */
    public static IamStore load(SealedRecords records) {
        IamStore store = new IamStore(records);
        records.all(PREFIX).values().forEach(bytes -> {
            IamAccount account = IamCodec.decode(bytes);
            store.accounts.put(account.account(), account);
        });
        return store;
    }

    public IamAccount account(String account) {
        return accounts.getOrDefault(account, IamAccount.empty(account));
    }

    /** The accounts that hold anything. */
    public Set<String> accounts() {
        return Set.copyOf(accounts.keySet());
    }

    /**
     * Applies {@code change} to {@code account}'s state and stores the outcome before anyone sees it; the change
     * may throw to refuse, and then nothing changes.
     */
    public synchronized <T> T update(String account, Function<IamAccount, Change<T>> change) {
        IamAccount before = account(account);
        Change<T> outcome = change.apply(before);
        if (!outcome.account().equals(before)) {
            String path = PREFIX + account;
            if (outcome.account().isEmpty()) {
                records.write(Map.of(), List.of(path));
                accounts.remove(account);
            } else {
                records.write(Map.of(path, IamCodec.encode(outcome.account())), List.of());
                accounts.put(account, outcome.account());
            }
        }
        return outcome.answer();
    }

    /** The access key with this id, in whichever account holds it. */
    public Optional<Map.Entry<IamAccount, AccessKey>> accessKey(String accessKeyId) {
        for (IamAccount account : accounts.values()) {
            AccessKey key = account.accessKeys().get(accessKeyId);
            if (key != null) {
                return Optional.of(Map.entry(account, key));
            }
        }
        return Optional.empty();
    }

    /**
     * A random value that STS session tokens are bound to, kept in a sealed record: the same after a restart, a
     * new one after a wipe, so the sessions issued before a reset stop working with the users and roles they
     * came from.
     */
    public String sessionEpoch() {
        String epoch = sessionEpoch;
        if (epoch != null) {
            return epoch;
        }
        synchronized (this) {
            if (sessionEpoch == null) {
                sessionEpoch = records.get(SESSION_EPOCH)
                        .map(bytes -> new String(bytes, StandardCharsets.US_ASCII))
                        .orElseGet(() -> {
                            String fresh = IamIds.secret();
                            records.write(Map.of(SESSION_EPOCH,
                                    fresh.getBytes(StandardCharsets.US_ASCII)), List.of());
                            return fresh;
                        });
            }
            return sessionEpoch;
        }
    }

    /** The paths of every stored record, for a wipe that deletes them in its own commit. */
    public List<String> storedPaths() {
        return new ArrayList<>(records.paths(ALL));
    }

    /** Forgets everything in memory, once a wipe deleted the records. */
    public synchronized void forgetAll() {
        accounts.clear();
        sessionEpoch = null;
    }

    /** Deletes every record and forgets everything. */
    public synchronized int wipe() {
        List<String> paths = storedPaths();
        if (!paths.isEmpty()) {
            records.write(Map.of(), paths);
        }
        int count = accounts.size();
        forgetAll();
        return count;
    }
}
