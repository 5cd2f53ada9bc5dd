package dev.trent.server.api;

import dev.trent.server.keystore.KeyStoreService;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.service.AliasService;
import dev.trent.server.service.EncryptionService;
import dev.trent.server.service.GrantService;
import dev.trent.server.service.ImportService;
import dev.trent.server.service.ImportTokens;
import dev.trent.server.service.KeyAgreementService;
import dev.trent.server.service.KeyLookup;
import dev.trent.server.service.KeyService;
import dev.trent.server.service.LifecycleService;
import dev.trent.server.service.MacService;
import dev.trent.server.service.PolicyEnforcement;
import dev.trent.server.service.PolicyService;
import dev.trent.server.service.PresetKeys;
import dev.trent.server.service.RotationService;
import dev.trent.server.service.SigningService;
import dev.trent.server.service.UsageTracker;
import java.time.Clock;

/** The use cases the operations call. */
public record Services(KeyService keys, AliasService aliases, EncryptionService encryption, SigningService signing,
                       MacService macs, KeyAgreementService agreement, UsageTracker usage, ImportService imports,
                       RotationService rotation, PolicyService policies,
                       GrantService grants, LifecycleService lifecycle, KeyStoreService keyStores,
                       PresetKeys presets) {

    /** All use cases over one repository, with time from {@code clock}, and no CloudHSM clusters. */
    public static Services over(KeyRepository repository, Clock clock) {
        return over(repository, clock, KeyStoreService.withoutClusters(repository, clock));
    }

    /** All use cases over one repository and its custom key stores, with time from {@code clock}. */
    public static Services over(KeyRepository repository, Clock clock, KeyStoreService keyStores) {
        return over(repository, clock, keyStores, PolicyEnforcement.ALLOW_ALL);
    }

    /** As {@link #over(KeyRepository, Clock, KeyStoreService)}, with every key an operation uses judged by {@code enforcement}. */
    public static Services over(KeyRepository repository, Clock clock, KeyStoreService keyStores,
            PolicyEnforcement enforcement) {
        KeyLookup lookup = new KeyLookup(repository, enforcement, clock, keyStores::visible);
        KeyService keys = new KeyService(repository, lookup, clock);
        GrantService grants = new GrantService(repository, lookup, clock);
        return new Services(
                keys,
                new AliasService(repository, lookup, clock),
                new EncryptionService(lookup),
                new SigningService(lookup),
                new MacService(lookup),
                new KeyAgreementService(lookup),
                new UsageTracker(repository, lookup, clock),
                new ImportService(repository, lookup, new ImportTokens(), clock),
                new RotationService(repository, lookup, clock),
                new PolicyService(repository, lookup, KeyPolicyDocument::validate),
                grants,
                new LifecycleService(repository, lookup, keys, clock),
                keyStores,
                new PresetKeys(repository, grants, clock));
    }
}
