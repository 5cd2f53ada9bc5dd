package dev.trent.server.service;

import dev.trent.server.error.KMSInternalException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.key.Alias;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeyReference;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.key.lifecycle.KeyStateRules;
import dev.trent.server.key.lifecycle.LifecycleRules;
import dev.trent.server.policy.PermissionTarget;
import dev.trent.server.repository.KeyRepository;
import java.time.Clock;

/**
 * Turns a caller's KeyId member into a key, with AWS's errors for every way that can fail, and checks the
 * key's state against the operation. Reads memory only, except that the first use of an AWS managed key's
 * alias creates that key ({@link AwsManagedKeys}).
 */
public final class KeyLookup {

    /** Whether an operation accepts alias names and alias ARNs as KeyId (AWS documents it per operation). */
    public enum Aliases { ACCEPTED, REJECTED }

    private final KeyRepository repository;
    private final PolicyEnforcement enforcement;
    private final Clock clock;
    /**
     * The key as its state rules see it: a key in a custom key store that is not connected is Unavailable
     * without that being stored.
     */
    public interface StateView {
        KmsKey visible(StoredKey key);
    }

    private final StateView view;
    /** Called when an {@code alias/aws/} alias is missing; the only way a lookup writes anything. */
    private final AwsManagedKeys awsManagedKeys;

    public KeyLookup(KeyRepository repository) {
        this(repository, Clock.systemUTC());
    }

    public KeyLookup(KeyRepository repository, Clock clock) {
        this(repository, PolicyEnforcement.ALLOW_ALL, clock);
    }

    public KeyLookup(KeyRepository repository, PolicyEnforcement enforcement, Clock clock) {
        this(repository, enforcement, clock, StoredKey::metadata);
    }

    public KeyLookup(KeyRepository repository, PolicyEnforcement enforcement, Clock clock, StateView view) {
        this.view = view;
        this.repository = repository;
        this.enforcement = enforcement;
        this.clock = clock;
        this.awsManagedKeys = new AwsManagedKeys(repository, clock);
    }

    /** The key as callers see it: Unavailable while its custom key store is not connected, else as stored. */
    public KmsKey visible(StoredKey key) {
        return view.visible(key);
    }

    /** The key named by {@code text}, allowed to run {@code operation} in its current state. */
    public StoredKey forOperation(Scope scope, String text, KeyOperation operation, Aliases aliases) {
        return forOperation(scope, text, operation, aliases, targetOf(operation));
    }

    /** As {@link #forOperation(Scope, String, KeyOperation, Aliases)}, for a key playing {@code target}. */
    public StoredKey forOperation(Scope scope, String text, KeyOperation operation, Aliases aliases,
            PermissionTarget target) {
        StoredKey key = find(scope, text, aliases, operation);
        AwsManagedKeyRules.check(operation, key.metadata());
        return allowed(scope, key, operation, target);
    }

    /**
     * Throws AccessDeniedException when the caller may not run {@code operation} on {@code key} (with
     * {@code --auth enforce}); the key's state is not judged here.
     */
    public void authorize(Scope scope, StoredKey key, KeyOperation operation, PermissionTarget target) {
        enforcement.check(scope, key, operation, target);
    }

    /**
     * {@code key}, once its AWS state and its lifecycle (cryptoperiods, compromise) allow {@code operation} and
     * the enforcement hook lets the caller run it; for
     * keys found another way than by a KeyId member (the key a ciphertext names).
     */
    public StoredKey allowed(Scope scope, StoredKey key, KeyOperation operation) {
        return allowed(scope, key, operation, targetOf(operation));
    }

    private StoredKey allowed(Scope scope, StoredKey key, KeyOperation operation, PermissionTarget target) {
        // A caller who may not use the key learns nothing of its state, as in AWS.
        enforcement.check(scope, key, operation, target);
        KmsKey metadata = key.metadata();
        KeyStateRules.check(operation, view.visible(key).state(), metadata.arn());
        repository.lifecycle().find(metadata.scope(), metadata.id()).ifPresent(lifecycle -> LifecycleRules.check(
                operation, metadata.arn(), metadata.creationDate(), lifecycle, clock.instant()));
        return key;
    }

    private static PermissionTarget targetOf(KeyOperation operation) {
        return operation == KeyOperation.ReEncryptTo ? PermissionTarget.SECOND_KEY : PermissionTarget.KEY;
    }

    /** The key named by {@code text}, in whatever state it is. */
    public StoredKey find(Scope scope, String text, Aliases aliases) {
        return find(scope, text, aliases, null);
    }

    /** As {@link #find(Scope, String, Aliases)}, for {@code operation} (null when the request's own). */
    private StoredKey find(Scope scope, String text, Aliases aliases, KeyOperation operation) {
        KeyReference reference = KeyReference.parse(text);
        if (reference.isAlias() && aliases == Aliases.REJECTED) {
            throw invalidKeyId(text);
        }
        if (reference instanceof KeyReference.ById byId) {
            return byId(scope, byId.id());
        }
        if (reference instanceof KeyReference.ByKeyArn arn) {
            if (elsewhere(scope, arn.region(), arn.account())) {
                return repository.find(new Scope(arn.account(), arn.region()), arn.id())
                        .orElseThrow(() -> enforcement.absentElsewhere(text, operation));
            }
            checkArnScope(scope, arn.region(), arn.account(), text);
            return byId(scope, arn.id());
        }
        if (reference instanceof KeyReference.ByAliasName alias) {
            return byAlias(scope, alias.alias());
        }
        if (reference instanceof KeyReference.ByAliasArn arn) {
            if (elsewhere(scope, arn.region(), arn.account())) {
                Scope owner = new Scope(arn.account(), arn.region());
                return repository.aliases().find(owner, arn.alias()).flatMap(a -> repository.find(owner, a.target()))
                        .orElseThrow(() -> enforcement.absentElsewhere(text, operation));
            }
            checkArnScope(scope, arn.region(), arn.account(), text);
            return byAlias(scope, arn.alias());
        }
        throw invalidKeyId(text);
    }

    /** True when requests are judged per account, so another account's key may be reached ({@code enforce}). */
    public boolean judgesAccounts() {
        return enforcement.crossAccount();
    }

    /** The key a symmetric ciphertext names, if it exists in the caller's scope. */
    public java.util.Optional<StoredKey> byCiphertext(Scope scope, KeyId id) {
        java.util.Optional<StoredKey> key = repository.find(scope, id);
        if (key.isEmpty() && enforcement.crossAccount()) {
            // A ciphertext names its key by id alone; policies decide whether another account's key may serve.
            key = repository.findInRegion(scope.region(), id);
        }
        if (key.isEmpty()) {
            refuseIfDamaged(scope, id);
        }
        return key;
    }

    /** A key or alias ARN of another account in the caller's Region, which only policies may open. */
    private boolean elsewhere(Scope scope, String region, String account) {
        return enforcement.crossAccount() && region.equals(scope.region()) && !account.equals(scope.account());
    }

    private StoredKey byId(Scope scope, KeyId id) {
        java.util.Optional<StoredKey> key = repository.find(scope, id);
        if (key.isEmpty()) {
            refuseIfDamaged(scope, id);
        }
        return key.orElseThrow(() -> new NotFoundException("Key '" + scope.keyArn(id) + "' does not exist"));
    }

    /** A key whose stored records are damaged exists, but is not served: say so instead of "does not exist". */
    private void refuseIfDamaged(Scope scope, KeyId id) {
        if (repository.damaged().reasons(scope, id).isPresent()) {
            throw new KMSInternalException("Key '" + scope.keyArn(id) + "' cannot be used: its stored records are "
                    + "damaged. Run trent fsck or see GET /_trent/health.", null);
        }
    }

    private StoredKey byAlias(Scope scope, dev.trent.server.key.AliasName name) {
        java.util.Optional<Alias> alias = repository.aliases().find(scope, name);
        if (alias.isEmpty() && name.isReserved()) {
            return awsManagedKeys.firstUse(scope, name).orElseThrow(() -> aliasNotFound(scope, name));
        }
        return byId(scope, alias.orElseThrow(() -> aliasNotFound(scope, name)).target());
    }

    private static NotFoundException aliasNotFound(Scope scope, dev.trent.server.key.AliasName name) {
        return new NotFoundException("Alias " + scope.aliasArn(name) + " is not found.");
    }

    private static void checkArnScope(Scope scope, String region, String account, String text) {
        if (!region.equals(scope.region())) {
            throw new NotFoundException("Invalid arn " + region);
        }
        if (!account.equals(scope.account())) {
            throw new NotFoundException("Key '" + text + "' does not exist");
        }
    }

    private static NotFoundException invalidKeyId(String text) {
        return new NotFoundException("Invalid keyId '" + text + "'");
    }
}
