package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.error.AlreadyExistsException;
import dev.trent.server.error.KMSInvalidStateException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.Alias;
import dev.trent.server.key.AliasName;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Aliases and the key states they meet: footnote [10] of the key-state table, uniqueness per scope. */
class AliasServiceTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final AliasName NAME = new AliasName("alias/app");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Storage storage = Storage.inMemory();
    private final KeyRepository repository = KeyRepository.load(storage.barrier());
    private final KeyLookup lookup = new KeyLookup(repository);
    private final KeyService keys = new KeyService(repository, lookup, clock);
    private final AliasService aliases = new AliasService(repository, lookup, clock);

    @AfterEach
    void close() {
        storage.close();
    }

    /** [10]: "source key pending deletion: succeeds; destination key pending deletion: KMSInvalidStateException". */
    @Test
    void updateAlias_awayFromAKeyPendingDeletion_succeeds_butOntoOneFails() {
        KmsKey leaving = newKey();
        KmsKey arriving = newKey();
        aliases.create(SCOPE, NAME, leaving.id().value());
        keys.scheduleDeletion(SCOPE, leaving.id().value(), 7);
        clock.advance(Duration.ofSeconds(5));

        aliases.update(SCOPE, NAME, arriving.id().value());
        Alias moved = repository.aliases().find(SCOPE, NAME).orElseThrow();
        assertEquals(arriving.id(), moved.target());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), moved.created());
        assertEquals(Instant.parse("2026-01-01T00:00:05Z"), moved.lastUpdated());

        keys.scheduleDeletion(SCOPE, arriving.id().value(), 7);
        KmsKey third = newKey();
        aliases.update(SCOPE, NAME, third.id().value());
        assertEquals(leaving.arn() + " is pending deletion.", assertThrows(KMSInvalidStateException.class,
                () -> aliases.update(SCOPE, NAME, leaving.id().value())).getMessage());
    }

    @Test
    void createAlias_forAKeyPendingDeletion_isKmsInvalidState() {
        KmsKey key = newKey();
        keys.scheduleDeletion(SCOPE, key.id().value(), 7);
        assertEquals(key.arn() + " is pending deletion.", assertThrows(KMSInvalidStateException.class,
                () -> aliases.create(SCOPE, NAME, key.id().value())).getMessage());
        assertEquals(List.of(), aliases.list(SCOPE, null));
    }

    @Test
    void createAlias_twiceInAScope_isAlreadyExists_butAnotherRegionMayReuseTheName() {
        KmsKey key = newKey();
        aliases.create(SCOPE, NAME, key.id().value());
        assertEquals("An alias with the name arn:aws:kms:us-east-1:111122223333:alias/app already exists",
                assertThrows(AlreadyExistsException.class, () -> aliases.create(SCOPE, NAME, key.id().value())).getMessage());

        Scope elsewhere = new Scope("111122223333", "eu-west-1");
        KmsKey there = keys.create(elsewhere, symmetric());
        aliases.create(elsewhere, NAME, there.id().value());
        assertEquals(there.id(), lookup.find(elsewhere, "alias/app", KeyLookup.Aliases.ACCEPTED).metadata().id());
        assertEquals(key.id(), lookup.find(SCOPE, "alias/app", KeyLookup.Aliases.ACCEPTED).metadata().id());
    }

    /** UpdateAlias: "The current and new KMS key must be the same type ... and they must have the same key usage." */
    @Test
    void updateAlias_toAnotherKeyTypeOrUsage_isRefused_butWithinTypeAndUsageSucceeds() {
        KmsKey symmetric = newKey();
        KmsKey rsaEncryption = keys.create(SCOPE, spec(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT));
        KmsKey hmac = keys.create(SCOPE, spec(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC));
        aliases.create(SCOPE, NAME, symmetric.id().value());
        assertThrows(ValidationException.class, () -> aliases.update(SCOPE, NAME, rsaEncryption.id().value()));
        assertThrows(ValidationException.class, () -> aliases.update(SCOPE, NAME, hmac.id().value()));
        assertEquals(symmetric.id(), repository.aliases().find(SCOPE, NAME).orElseThrow().target());

        KmsKey p256 = keys.create(SCOPE, spec(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY));
        KmsKey ed25519 = keys.create(SCOPE, spec(KeySpec.ECC_NIST_EDWARDS25519, KeyUsage.SIGN_VERIFY));
        AliasName signing = new AliasName("alias/signing");
        aliases.create(SCOPE, signing, p256.id().value());
        aliases.update(SCOPE, signing, ed25519.id().value());
        assertEquals(ed25519.id(), repository.aliases().find(SCOPE, signing).orElseThrow().target());
    }

    @Test
    void updateAlias_betweenRsaAndEccSigningKeys_succeeds_asBothAreAsymmetricSignVerify() {
        KmsKey rsa = keys.create(SCOPE, spec(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY));
        KmsKey ecc = keys.create(SCOPE, spec(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY));
        aliases.create(SCOPE, NAME, rsa.id().value());
        aliases.update(SCOPE, NAME, ecc.id().value());
        assertEquals(ecc.id(), repository.aliases().find(SCOPE, NAME).orElseThrow().target());
    }

    @Test
    void deleteAlias_ofAnUnknownName_isNotFound_namingTheAliasArn() {
        assertEquals("Alias arn:aws:kms:us-east-1:111122223333:alias/app is not found.",
                assertThrows(NotFoundException.class, () -> aliases.delete(SCOPE, NAME)).getMessage());
    }

    private KmsKey newKey() {
        return keys.create(SCOPE, symmetric());
    }

    private static NewKey symmetric() {
        return spec(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
    }

    private static NewKey spec(KeySpec spec, KeyUsage usage) {
        return new NewKey("", spec, usage, Origin.AWS_KMS, Map.of());
    }
}
