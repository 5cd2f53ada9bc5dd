package dev.trent.server.service;

import dev.trent.server.error.AlreadyExistsException;
import dev.trent.server.error.LimitExceededException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.Alias;
import dev.trent.server.key.AliasName;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.policy.PermissionTarget;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.service.KeyLookup.Aliases;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Aliases: unique per scope, at most 50 per key, pointing only at keys of the same scope. */
public final class AliasService {

    public static final int MAX_ALIASES_PER_KEY = 50;

    private final KeyRepository repository;
    private final KeyLookup lookup;
    private final Clock clock;

    public AliasService(KeyRepository repository, KeyLookup lookup, Clock clock) {
        this.repository = repository;
        this.lookup = lookup;
        this.clock = clock;
    }

    public void create(Scope scope, AliasName name, String targetKeyId) {
        synchronized (repository) {
            KmsKey target = lookup.forOperation(scope, targetKeyId, KeyOperation.CreateAlias, Aliases.REJECTED).metadata();
            if (repository.aliases().find(scope, name).isPresent()) {
                throw new AlreadyExistsException("An alias with the name " + scope.aliasArn(name) + " already exists");
            }
            checkQuota(scope, target);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            repository.aliases().put(new Alias(scope, name, target.id(), now, now));
        }
    }

    public void update(Scope scope, AliasName name, String targetKeyId) {
        synchronized (repository) {
            Alias alias = existing(scope, name);
            KmsKey target = lookup.forOperation(scope, targetKeyId, KeyOperation.UpdateAlias, Aliases.REJECTED,
                    PermissionTarget.SECOND_KEY).metadata();
            StoredKey currentKey = lookup.find(scope, alias.target().value(), Aliases.REJECTED);
            lookup.authorize(scope, currentKey, KeyOperation.UpdateAlias, PermissionTarget.KEY);
            KmsKey current = currentKey.metadata();
            if (current.usage() != target.usage()) {
                throw new ValidationException("Alias " + name + " cannot be changed from a CMK with key usage "
                        + current.usage() + " to a CMK with key usage " + target.usage());
            }
            if (current.spec().isAsymmetric() != target.spec().isAsymmetric()) {
                throw new ValidationException("Alias " + name + " cannot be changed from a CMK with key spec "
                        + current.spec() + " to a CMK with key spec " + target.spec());
            }
            checkQuota(scope, target);
            repository.aliases().put(alias.pointingAt(target.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        }
    }

    public void delete(Scope scope, AliasName name) {
        synchronized (repository) {
            Alias alias = existing(scope, name);
            repository.find(scope, alias.target()).ifPresent(key ->
                    lookup.authorize(scope, key, KeyOperation.DeleteAlias, PermissionTarget.KEY));
            repository.aliases().delete(alias);
        }
    }

    /** Aliases of the scope, or only those of one key (given by key id or key ARN). */
    public List<Alias> list(Scope scope, String keyIdFilter) {
        if (keyIdFilter == null) {
            return repository.aliases().in(scope);
        }
        KmsKey key = lookup.find(scope, keyIdFilter, Aliases.REJECTED).metadata();
        return repository.aliases().in(scope).stream().filter(a -> a.target().equals(key.id())).toList();
    }

    private Alias existing(Scope scope, AliasName name) {
        return repository.aliases().find(scope, name)
                .orElseThrow(() -> new NotFoundException("Alias " + scope.aliasArn(name) + " is not found."));
    }

    private void checkQuota(Scope scope, KmsKey target) {
        long count = repository.aliases().in(scope).stream().filter(a -> a.target().equals(target.id())).count();
        if (count >= MAX_ALIASES_PER_KEY) {
            throw new LimitExceededException("The key " + target.arn() + " already has " + MAX_ALIASES_PER_KEY
                    + " aliases, the most a KMS key can have.");
        }
    }
}
