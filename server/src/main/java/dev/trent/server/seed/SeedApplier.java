package dev.trent.server.seed;

import dev.trent.server.api.KeyPolicyDocument;
import dev.trent.server.api.Services;
import dev.trent.server.error.KmsException;
import dev.trent.server.key.Alias;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.Scope;
import dev.trent.server.repository.KeyRepository;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies a seed at start-up. It only ever adds: a key whose id exists in its account and Region, or existed
 * there and was deleted, is left exactly as it is, and so is an alias whose name is taken; each such case is one
 * line in the log. Every key is created in one commit, so a start that stopped half-way through a seed is
 * completed by the next one.
 */
public final class SeedApplier {

    /** How many keys and aliases a seed added, and how many it left alone because they were there. */
    public record Outcome(int keysCreated, int keysLeft, int aliasesCreated, int aliasesLeft) {
    }

    private final Services services;
    private final KeyRepository repository;
    private final String defaultAccount;
    private final String defaultRegion;
    private final Consumer<String> log;

    public SeedApplier(Services services, KeyRepository repository, String defaultAccount, String defaultRegion,
                       Consumer<String> log) {
        this.services = services;
        this.repository = repository;
        this.defaultAccount = defaultAccount;
        this.defaultRegion = defaultRegion;
        this.log = log;
    }

    /**
     * @throws SeedException naming the entry when KMS's rules refuse it (an alias to a key pending deletion, a
     *         key policy that is not a valid policy, ...)
     */
    public Outcome apply(Seed seed) {
        int keysCreated = 0;
        int keysLeft = 0;
        for (Seed.Key key : seed.keys()) {
            Scope scope = scope(key.account(), key.region());
            KeyId id = key.preset().id();
            if (repository.find(scope, id).isPresent()) {
                log.accept("seed: key " + scope.keyArn(id) + " already exists; left as it is");
                keysLeft++;
            } else if (repository.lifecycle().find(scope, id).isPresent()) {
                log.accept("seed: key " + scope.keyArn(id) + " was deleted; key ids are never reused, so it is not "
                        + "created again");
                keysLeft++;
            } else {
                try {
                    if (key.policy() != null) {
                        // Nobody calls PutKeyPolicy here, so the lockout check has no caller to protect.
                        KeyPolicyDocument.validate(key.policy(), scope.account(), true);
                    }
                    services.presets().create(scope, key.preset(), key.policy());
                } catch (KmsException e) {
                    throw new SeedException(key.at(), e.getMessage());
                }
                keysCreated++;
            }
        }
        int aliasesCreated = 0;
        int aliasesLeft = 0;
        for (Seed.Alias alias : seed.aliases()) {
            Scope scope = scope(alias.account(), alias.region());
            Optional<Alias> existing = repository.aliases().find(scope, alias.name());
            if (existing.isPresent()) {
                log.accept("seed: alias " + scope.aliasArn(alias.name()) + " already exists (pointing at "
                        + existing.get().target() + "); left as it is");
                aliasesLeft++;
                continue;
            }
            try {
                services.aliases().create(scope, alias.name(), alias.target().value());
            } catch (KmsException e) {
                throw new SeedException(alias.at(), e.getMessage());
            }
            aliasesCreated++;
        }
        return new Outcome(keysCreated, keysLeft, aliasesCreated, aliasesLeft);
    }

    private Scope scope(String account, String region) {
        return new Scope(account != null ? account : defaultAccount, region != null ? region : defaultRegion);
    }
}
