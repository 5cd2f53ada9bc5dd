package dev.trent.server.service;

import dev.trent.server.crypto.Random;
import dev.trent.server.error.AlreadyExistsException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.error.UnsupportedOperationException;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MaterialVersion;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Rotation;
import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.KeyEvent;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.policy.PermissionTarget;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.key.lifecycle.KeyStateRules;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.service.KeyLookup.Aliases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creating keys and changing their metadata and state. Every change is persisted before it is visible. */
public final class KeyService {

    private final KeyRepository repository;
    private final KeyLookup lookup;
    private final Clock clock;

    public KeyService(KeyRepository repository, KeyLookup lookup, Clock clock) {
        this.repository = repository;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** Creates a key with AWS's default key policy. */
    public KmsKey create(Scope scope, NewKey request) {
        return create(scope, request, null);
    }

    /**
     * Creates a key with {@code policy} as its key policy, or AWS's default key policy when it is null. The
     * caller has checked a given policy as PutKeyPolicy checks it.
     */
    public KmsKey create(Scope scope, NewKey request, String policy) {
        String document = policy != null ? policy : KeyPolicies.defaultPolicy(scope.account());
        Instant now = now();
        KeyId id = request.multiRegion() ? KeyId.randomMultiRegion() : KeyId.random();
        String primaryRegion = request.multiRegion() ? scope.region() : null;
        if (request.origin() == Origin.EXTERNAL) {
            // No material until the caller imports it (AWS: "Origin EXTERNAL ... creates a KMS key with no key
            // material"); until then every cryptographic operation answers "<arn> is pending import."
            KmsKey key = new KmsKey(scope, id, request.description(), request.spec(), request.usage(),
                    request.origin(), KeyState.PendingImport, now, null, null, List.of(), request.tags(), null, null,
                    primaryRegion);
            repository.createWithoutMaterial(key, document);
            return key;
        }
        MaterialVersion version = new MaterialVersion(1, HexFormat.of().formatHex(Random.bytes(32)), now);
        KeyMaterial material = KeyMaterial.generate(request.spec(), version);
        KmsKey key = new KmsKey(scope, id, request.description(), request.spec(), request.usage(),
                request.origin(), KeyState.Enabled, now, null, null, List.of(version), request.tags(), null, null,
                primaryRegion);
        repository.create(key, material, document);
        return key;
    }

    public KmsKey describe(Scope scope, String keyId) {
        return lookup.forOperation(scope, keyId, KeyOperation.DescribeKey, Aliases.ACCEPTED).metadata();
    }

    /**
     * Every key sharing {@code key}'s multi-Region key id in its account (the primary and all replicas, {@code key}
     * included), by Region; just {@code key} for a single-Region key.
     */
    public List<KmsKey> related(KmsKey key) {
        return key.multiRegion() ? repository.related(key.scope().account(), key.id()) : List.of(key);
    }

    /**
     * What ReplicateKey returns: the new replica as AWS reports it (Creating; the stored replica is already
     * Enabled) and its key policy.
     */
    public record Replica(KmsKey key, String policy) {
    }

    /**
     * Creates a replica of the multi-Region primary key {@code keyId} in {@code replicaRegion} of the same
     * account: same key id and material (every version), its own description, tags and key policy (AWS's default
     * when {@code policy} is null; the caller has checked a given one as PutKeyPolicy checks it).
     */
    public Replica replicate(Scope scope, String keyId, String replicaRegion, String description,
            Map<String, String> tags, String policy) {
        synchronized (repository) {
            StoredKey primary = lookup.forOperation(scope, keyId, KeyOperation.ReplicateKey, Aliases.REJECTED);
            KmsKey key = primary.metadata();
            if (!key.isPrimary()) {
                throw new UnsupportedOperationException(key.arn() + " is not a multi-region primary key.");
            }
            if (key.origin() != Origin.AWS_KMS) {
                throw new UnsupportedOperationException(key.arn() + " origin is " + key.origin()
                        + " which is not supported for replication by this version of Trent.");
            }
            Scope replicaScope = new Scope(scope.account(), replicaRegion);
            if (replicaRegion.equals(key.scope().region())) {
                throw new AlreadyExistsException("The primary key " + key.arn() + " is already in Region "
                        + replicaRegion + ".");
            }
            if (repository.find(replicaScope, key.id()).isPresent()) {
                throw new AlreadyExistsException("Multi-region key " + key.id() + " already has a replica in Region "
                        + replicaRegion + ": " + replicaScope.keyArn(key.id()));
            }
            String document = policy != null ? policy : KeyPolicies.defaultPolicy(scope.account());
            KmsKey creating = key.replicaIn(replicaScope, description, tags, now());
            repository.createReplica(creating.after(KeyEvent.REPLICA_CREATED), primary, document);
            return new Replica(creating, document);
        }
    }

    /**
     * Makes the related multi-Region key in {@code region} the primary key and the current primary
     * ({@code keyId}) a replica; the rotation schedule moves with the primary. Every related key records the new
     * primary Region, in one commit.
     */
    public void updatePrimaryRegion(Scope scope, String keyId, String region) {
        synchronized (repository) {
            KmsKey key = lookup.forOperation(scope, keyId, KeyOperation.UpdatePrimaryRegion, Aliases.REJECTED)
                    .metadata();
            if (!key.multiRegion()) {
                throw new UnsupportedOperationException(key.arn() + " is not a multi-region key.");
            }
            if (!key.isPrimary()) {
                throw new UnsupportedOperationException(key.arn() + " is not a multi-region primary key.");
            }
            if (region.equals(key.scope().region())) {
                return;
            }
            Scope target = new Scope(scope.account(), region);
            StoredKey replica = repository.find(target, key.id())
                    .orElseThrow(() -> new NotFoundException("Key '" + target.keyArn(key.id()) + "' does not exist"));
            lookup.authorize(scope, replica, KeyOperation.UpdatePrimaryRegion, PermissionTarget.SECOND_KEY);
            KmsKey newPrimary = replica.metadata();
            KeyStateRules.check(KeyOperation.UpdatePrimaryRegion, newPrimary.state(), newPrimary.arn());
            List<KmsKey> changed = new java.util.ArrayList<>();
            for (KmsKey related : repository.related(scope.account(), key.id())) {
                KmsKey moved = related.withPrimaryRegion(region);
                if (related.equals(key)) {
                    moved = moved.withRotation(Rotation.NONE);
                } else if (related.scope().equals(target)) {
                    moved = moved.withRotation(key.rotation());
                }
                changed.add(moved);
            }
            repository.updateAll(changed);
        }
    }

    public List<KmsKey> list(Scope scope) {
        return repository.list(scope);
    }

    public void enable(Scope scope, String keyId) {
        transition(scope, keyId, KeyOperation.EnableKey, KeyEvent.ENABLE);
    }

    public void disable(Scope scope, String keyId) {
        transition(scope, keyId, KeyOperation.DisableKey, KeyEvent.DISABLE);
    }

    public KmsKey cancelDeletion(Scope scope, String keyId) {
        synchronized (repository) {
            StoredKey key = lookup.forOperation(scope, keyId, KeyOperation.CancelKeyDeletion, Aliases.REJECTED);
            KmsKey next = key.metadata().after(KeyEvent.CANCEL_DELETION);
            if (!next.hasMaterial()) {
                // A key whose imported material was deleted or expired cannot be Disabled, which means usable
                // once enabled: it goes back to waiting for material.
                next = next.after(KeyEvent.LOSE_MATERIAL);
            }
            repository.update(next);
            return next;
        }
    }

    public KmsKey scheduleDeletion(Scope scope, String keyId, int windowInDays) {
        synchronized (repository) {
            KmsKey key = lookup.forOperation(scope, keyId, KeyOperation.ScheduleKeyDeletion, Aliases.REJECTED).metadata();
            boolean hasReplicas = key.isPrimary() && related(key).size() > 1;
            KmsKey scheduled = hasReplicas
                    ? key.scheduledForDeletionAfterReplicas(windowInDays)
                    : key.scheduledForDeletion(now().plus(Duration.ofDays(windowInDays)), windowInDays);
            repository.update(scheduled);
            return scheduled;
        }
    }

    public void updateDescription(Scope scope, String keyId, String description) {
        synchronized (repository) {
            KmsKey key = lookup.forOperation(scope, keyId, KeyOperation.UpdateKeyDescription, Aliases.REJECTED).metadata();
            repository.update(key.withDescription(description));
        }
    }

    public void tag(Scope scope, String keyId, List<Tags.Tag> tags) {
        synchronized (repository) {
            KmsKey key = lookup.forOperation(scope, keyId, KeyOperation.TagResource, Aliases.REJECTED).metadata();
            repository.update(key.withTags(Tags.merge(key.tags(), Tags.validate(tags))));
        }
    }

    public void untag(Scope scope, String keyId, List<String> tagKeys) {
        synchronized (repository) {
            KmsKey key = lookup.forOperation(scope, keyId, KeyOperation.UntagResource, Aliases.REJECTED).metadata();
            Map<String, String> remaining = new LinkedHashMap<>(key.tags());
            tagKeys.forEach(remaining::remove);
            repository.update(key.withTags(remaining));
        }
    }

    public Map<String, String> tags(Scope scope, String keyId) {
        return lookup.forOperation(scope, keyId, KeyOperation.ListResourceTags, Aliases.REJECTED).metadata().tags();
    }

    private KmsKey transition(Scope scope, String keyId, KeyOperation operation, KeyEvent event) {
        synchronized (repository) {
            StoredKey key = lookup.forOperation(scope, keyId, operation, Aliases.REJECTED);
            KmsKey next = key.metadata().after(event);
            repository.update(next);
            return next;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
