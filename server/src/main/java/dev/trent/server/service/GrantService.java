package dev.trent.server.service;

import dev.trent.server.error.DryRunOperationException;
import dev.trent.server.error.InvalidArnException;
import dev.trent.server.error.InvalidGrantIdException;
import dev.trent.server.error.InvalidGrantTokenException;
import dev.trent.server.error.LimitExceededException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.Grant;
import dev.trent.server.key.GrantOperation;
import dev.trent.server.key.KeyReference;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.policy.PermissionTarget;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.service.KeyLookup.Aliases;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CreateGrant, ListGrants, ListRetirableGrants, RetireGrant and RevokeGrant. Grants are stored with their key
 * (and destroyed with it); with {@code --auth enforce} they allow their grantee what they list (see
 * {@link KeyAuthorization}). All five take a key id or key ARN, never an alias.
 */
public final class GrantService {

    /** Grants per KMS key ("Grants per KMS key: 50,000", KMS quotas). */
    public static final int MAX_GRANTS_PER_KEY = 50_000;

    /** A CreateGrant request after its members passed the model's constraints. */
    public record NewGrant(String keyId, String granteePrincipal, String granteeServicePrincipal,
                           String retiringPrincipal, String retiringServicePrincipal,
                           List<GrantOperation> operations, Grant.Constraints constraints, String name) {
    }

    /** CreateGrant's answer. */
    public record Created(String grantId, String grantToken) {
    }

    private static final Pattern GRANT_ID = Pattern.compile("[0-9a-f]{64}");
    private static final String ALIAS_NOT_SUPPORTED = "Key Aliases are not supported for this operation.";

    private static final Set<GrantOperation> ANY_KEY =
            EnumSet.of(GrantOperation.CreateGrant, GrantOperation.RetireGrant, GrantOperation.DescribeKey);
    private static final Set<GrantOperation> SYMMETRIC_ENCRYPTION = EnumSet.of(GrantOperation.Encrypt,
            GrantOperation.Decrypt, GrantOperation.GenerateDataKey, GrantOperation.GenerateDataKeyWithoutPlaintext,
            GrantOperation.ReEncryptFrom, GrantOperation.ReEncryptTo, GrantOperation.GenerateDataKeyPair,
            GrantOperation.GenerateDataKeyPairWithoutPlaintext);
    private static final Set<GrantOperation> ASYMMETRIC_ENCRYPTION = EnumSet.of(GrantOperation.Encrypt,
            GrantOperation.Decrypt, GrantOperation.ReEncryptFrom, GrantOperation.ReEncryptTo,
            GrantOperation.GetPublicKey);
    private static final Set<GrantOperation> SIGNING =
            EnumSet.of(GrantOperation.Sign, GrantOperation.Verify, GrantOperation.GetPublicKey);
    private static final Set<GrantOperation> MAC = EnumSet.of(GrantOperation.GenerateMac, GrantOperation.VerifyMac);
    private static final Set<GrantOperation> AGREEMENT =
            EnumSet.of(GrantOperation.DeriveSharedSecret, GrantOperation.GetPublicKey);

    private final KeyRepository repository;
    private final KeyLookup lookup;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final GrantTokens tokens;

    public GrantService(KeyRepository repository, KeyLookup lookup, Clock clock) {
        this.repository = repository;
        this.lookup = lookup;
        this.clock = clock;
        this.tokens = new GrantTokens(repository.grants()::tokenKey);
    }

    public Created create(Scope scope, NewGrant request, boolean dryRun) {
        synchronized (repository) {
            KmsKey key = key(scope, request.keyId(), KeyOperation.CreateGrant);
            Grant wanted = prepare(key, request);
            Optional<Grant> existing = request.name() == null ? Optional.empty()
                    : repository.grants().of(key.scope(), key.id()).stream()
                            .filter(g -> request.name().equals(g.name()) && g.sameParameters(wanted))
                            .findFirst();
            if (existing.isEmpty() && repository.grants().count(key.scope(), key.id()) >= MAX_GRANTS_PER_KEY) {
                throw new LimitExceededException("The request would exceed the limit of " + MAX_GRANTS_PER_KEY
                        + " grants for key " + key.arn() + ".");
            }
            if (dryRun) {
                throw DryRunOperationException.wouldHaveSucceeded();
            }
            // A repeated named request gets the existing grant, with a new token for it (CreateGrant, Name).
            Grant grant = existing.orElse(wanted);
            if (existing.isEmpty()) {
                repository.grants().put(grant);
            }
            return new Created(grant.grantId(), tokens.issue(grant));
        }
    }

    /**
     * The grant {@code request} asks for on {@code key}, checked as CreateGrant checks it but not stored: a key
     * created with its grants stores them in the same commit.
     */
    Grant prepare(KmsKey key, NewGrant request) {
        if (request.granteePrincipal() == null && request.granteeServicePrincipal() == null) {
            throw new ValidationException("Either GranteePrincipal or GranteeServicePrincipal must be specified.");
        }
        if (request.operations().isEmpty()) {
            throw new ValidationException("1 validation error detected: Value '[]' at 'operations' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 1");
        }
        checkOperationsFit(key, request.operations());
        Grant.Constraints constraints = normalized(request.constraints());
        checkConstraintsFit(key, request.operations(), constraints);
        return new Grant(key.scope(), key.id(), newGrantId(), request.name(), clock.instant(),
                request.granteePrincipal(), request.granteeServicePrincipal(), request.retiringPrincipal(),
                request.retiringServicePrincipal(), distinct(request.operations()), constraints);
    }

    /** ListGrants: the key's grants, optionally only the one {@code grantId} or those of one grantee. */
    public List<Grant> list(Scope scope, String keyId, String grantId, String granteePrincipal,
                            String granteeServicePrincipal) {
        KmsKey key = key(scope, keyId, KeyOperation.ListGrants);
        if (grantId != null) {
            checkGrantId(grantId);
        }
        return repository.grants().of(key.scope(), key.id()).stream()
                .filter(g -> grantId == null || grantId.equals(g.grantId()))
                .filter(g -> granteePrincipal == null || granteePrincipal.equals(g.granteePrincipal()))
                .filter(g -> granteeServicePrincipal == null
                        || granteeServicePrincipal.equals(g.granteeServicePrincipal()))
                .toList();
    }

    /** ListRetirableGrants: grants on any key of the caller's account and Region that the principal may retire. */
    public List<Grant> retirable(Scope scope, String retiringPrincipal, String retiringServicePrincipal) {
        if ((retiringPrincipal == null) == (retiringServicePrincipal == null)) {
            throw new ValidationException("You must specify either RetiringPrincipal or RetiringServicePrincipal, "
                    + "but not both.");
        }
        return repository.grants().in(scope).stream()
                .filter(g -> retiringPrincipal == null || retiringPrincipal.equals(g.retiringPrincipal()))
                .filter(g -> retiringServicePrincipal == null
                        || retiringServicePrincipal.equals(g.retiringServicePrincipal()))
                .toList();
    }

    /**
     * Refuses with InvalidGrantTokenException any of {@code tokens} (a request's GrantTokens) that this store
     * could not have minted: malformed, or with a MAC that does not verify.
     */
    public void checkTokens(java.util.List<String> tokens) {
        for (String token : tokens) {
            this.tokens.minted(token);
        }
    }

    /**
     * RetireGrant with a grant token: the token names the key and the grant. Where accounts are judged apart
     * ({@code --auth enforce}) the token may come from another account, as AWS allows, and the caller must be
     * one who may retire the grant; otherwise the token must name a key of the caller's account and Region.
     */
    public void retireByToken(Scope scope, String token, boolean dryRun) {
        synchronized (repository) {
            Grant grant;
            if (lookup.judgesAccounts()) {
                GrantTokens.Named named = tokens.minted(token);
                grant = repository.grants().find(named.scope(), named.keyId(), named.grantId())
                        .orElseThrow(GrantService::invalidToken);
                StoredKey key = repository.find(named.scope(), named.keyId()).orElseThrow(GrantService::invalidToken);
                lookup.authorize(scope, key, KeyOperation.RetireGrant, PermissionTarget.KEY);
            } else {
                grant = byToken(scope, token);
            }
            if (dryRun) {
                throw DryRunOperationException.wouldHaveSucceeded();
            }
            repository.grants().delete(grant);
        }
    }

    /** RetireGrant with a key identifier and a grant id. */
    public void retire(Scope scope, String keyId, String grantId, boolean dryRun) {
        delete(scope, keyId, grantId, KeyOperation.RetireGrant, dryRun);
    }

    /** RevokeGrant. */
    public void revoke(Scope scope, String keyId, String grantId, boolean dryRun) {
        delete(scope, keyId, grantId, KeyOperation.RevokeGrant, dryRun);
    }

    private void delete(Scope scope, String keyId, String grantId, KeyOperation operation, boolean dryRun) {
        synchronized (repository) {
            KmsKey key = key(scope, keyId, operation);
            checkGrantId(grantId);
            Grant grant = repository.grants().find(key.scope(), key.id(), grantId).orElseThrow(() -> new NotFoundException(
                    "Grant " + grantId + " does not exist on key " + key.arn() + "."));
            if (dryRun) {
                throw DryRunOperationException.wouldHaveSucceeded();
            }
            repository.grants().delete(grant);
        }
    }

    private KmsKey key(Scope scope, String keyId, KeyOperation operation) {
        if (KeyReference.parse(keyId).isAlias()) {
            throw new InvalidArnException(ALIAS_NOT_SUPPORTED);
        }
        return lookup.forOperation(scope, keyId, operation, Aliases.REJECTED).metadata();
    }

    /** The operations each kind of key supports, as in the KMS developer guide's grant operations. */
    static Set<GrantOperation> operationsFor(KmsKey key) {
        Set<GrantOperation> allowed = EnumSet.copyOf(ANY_KEY);
        switch (key.usage()) {
            case ENCRYPT_DECRYPT -> allowed.addAll(key.spec() == KeySpec.SYMMETRIC_DEFAULT
                    ? SYMMETRIC_ENCRYPTION : ASYMMETRIC_ENCRYPTION);
            case SIGN_VERIFY -> allowed.addAll(SIGNING);
            case GENERATE_VERIFY_MAC -> allowed.addAll(MAC);
            case KEY_AGREEMENT -> allowed.addAll(AGREEMENT);
            default -> { }
        }
        return allowed;
    }

    private static void checkOperationsFit(KmsKey key, List<GrantOperation> operations) {
        Set<GrantOperation> allowed = operationsFor(key);
        List<GrantOperation> misfits = distinct(operations).stream().filter(o -> !allowed.contains(o)).toList();
        if (!misfits.isEmpty()) {
            throw new ValidationException("Grant operations " + misfits + " are not valid for KMS key " + key.arn()
                    + " with KeySpec " + key.spec() + " and KeyUsage " + key.usage() + ".");
        }
    }

    /**
     * Encryption context constraints only make sense for operations that take an encryption context, which only
     * symmetric encryption keys have; grant management operations (CreateGrant, RetireGrant, DescribeKey) may
     * accompany them, as GrantConstraints documents.
     */
    private static void checkConstraintsFit(KmsKey key, List<GrantOperation> operations, Grant.Constraints c) {
        if (c == null || (c.encryptionContextSubset() == null && c.encryptionContextEquals() == null)) {
            return;
        }
        boolean symmetric = key.spec() == KeySpec.SYMMETRIC_DEFAULT;
        List<GrantOperation> without = distinct(operations).stream()
                .filter(o -> !symmetric || !(SYMMETRIC_ENCRYPTION.contains(o) || ANY_KEY.contains(o)))
                .toList();
        if (!without.isEmpty()) {
            throw new ValidationException("The EncryptionContextSubset and EncryptionContextEquals grant constraints "
                    + "are valid only for operations that take an encryption context; grant operations " + without
                    + " on KMS key " + key.arn() + " do not.");
        }
    }

    private static Grant.Constraints normalized(Grant.Constraints c) {
        if (c == null) {
            return null;
        }
        Grant.Constraints n = new Grant.Constraints(emptyToNull(c.encryptionContextSubset()),
                emptyToNull(c.encryptionContextEquals()), c.sourceArn());
        return n.encryptionContextSubset() == null && n.encryptionContextEquals() == null && n.sourceArn() == null
                ? null : n;
    }

    private static <K, V> java.util.Map<K, V> emptyToNull(java.util.Map<K, V> map) {
        return map == null || map.isEmpty() ? null : map;
    }

    private static List<GrantOperation> distinct(List<GrantOperation> operations) {
        return operations.stream().distinct().toList();
    }

    private static void checkGrantId(String grantId) {
        if (!GRANT_ID.matcher(grantId).matches()) {
            throw new InvalidGrantIdException("Invalid grant ID " + grantId + ".");
        }
    }

    private String newGrantId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The grant a token names; one not issued by this store to the caller's scope, or whose grant is gone, is invalid. */
    private Grant byToken(Scope scope, String token) {
        GrantTokens.Named named = tokens.verify(scope, token);
        return repository.grants().find(named.scope(), named.keyId(), named.grantId())
                .orElseThrow(GrantService::invalidToken);
    }

    private static InvalidGrantTokenException invalidToken() {
        return GrantTokens.invalid();
    }
}
