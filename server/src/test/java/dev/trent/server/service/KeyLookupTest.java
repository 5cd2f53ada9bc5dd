package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.error.KMSInvalidStateException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.key.AliasName;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.service.KeyLookup.Aliases;
import dev.trent.storage.Storage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every way a KeyId member can fail to name a key, with the message AWS gives (PROTOCOL.md 4.6 and 6.1). */
class KeyLookupTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final String UNKNOWN_ID = "0b3c0b1e-7a39-4f8e-9d1c-5e2f6a7b8c9d";

    private final Storage storage = Storage.inMemory();
    private final KeyRepository repository = KeyRepository.load(storage.barrier());
    private final KeyLookup lookup = new KeyLookup(repository);
    private final KeyService keys = new KeyService(repository, lookup, Clock.systemUTC());

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void keyId_inEveryAcceptedForm_findsTheKey() {
        KmsKey key = newKey(SCOPE);
        new AliasService(repository, lookup, Clock.systemUTC()).create(SCOPE, new AliasName("alias/found"), key.arn());
        for (String text : List.of(key.id().value(), key.id().value().toUpperCase(), key.arn(), "alias/found",
                "arn:aws:kms:us-east-1:111122223333:alias/found")) {
            assertEquals(key.id(), lookup.find(SCOPE, text, Aliases.ACCEPTED).metadata().id(), text);
        }
    }

    @Test
    void malformedKeyId_isNotFound_invalidKeyId() {
        List<String> failures = new ArrayList<>();
        for (String text : List.of("fake-key-id", "134f2428cec14b25a1ae9048164dba47", "mrk-fake-key-id", "key_id",
                "arn:aws:kms:us-east-1:000000000000:key/")) {
            String message = assertThrows(NotFoundException.class, () -> lookup.find(SCOPE, text, Aliases.ACCEPTED)).getMessage();
            if (!message.equals("Invalid keyId '" + text + "'")) {
                failures.add(text + ": " + message);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void wellFormedUnknownKey_isNotFound_namingTheArnInTheCallersScope() {
        KmsKey elsewhere = newKey(new Scope("111122223333", "eu-west-1"));
        assertEquals("Key 'arn:aws:kms:us-east-1:111122223333:key/" + UNKNOWN_ID + "' does not exist",
                assertThrows(NotFoundException.class, () -> lookup.find(SCOPE, UNKNOWN_ID, Aliases.ACCEPTED)).getMessage());
        assertEquals("Key 'arn:aws:kms:us-east-1:111122223333:key/" + UNKNOWN_ID + "' does not exist",
                assertThrows(NotFoundException.class, () -> lookup.find(SCOPE,
                        "arn:aws:kms:us-east-1:111122223333:key/" + UNKNOWN_ID, Aliases.ACCEPTED)).getMessage());
        assertEquals("Key '" + SCOPE.keyArn(elsewhere.id()) + "' does not exist",
                assertThrows(NotFoundException.class,
                        () -> lookup.find(SCOPE, elsewhere.id().value(), Aliases.ACCEPTED)).getMessage(),
                "a key of another Region, named by bare id");
    }

    @Test
    void arnOfAnotherRegion_isNotFound_invalidArn() {
        KmsKey elsewhere = newKey(new Scope("111122223333", "eu-west-1"));
        assertEquals("Invalid arn eu-west-1", assertThrows(NotFoundException.class,
                () -> lookup.find(SCOPE, elsewhere.arn(), Aliases.ACCEPTED)).getMessage());
    }

    @Test
    void unknownAlias_isNotFound_namingTheAliasArn() {
        assertEquals("Alias arn:aws:kms:us-east-1:111122223333:alias/none is not found.",
                assertThrows(NotFoundException.class, () -> lookup.find(SCOPE, "alias/none", Aliases.ACCEPTED)).getMessage());
    }

    @Test
    void forOperation_checksTheStateAfterFindingTheKey() {
        KmsKey key = newKey(SCOPE);
        keys.scheduleDeletion(SCOPE, key.id().value(), 30);
        assertEquals(key.arn() + " is pending deletion.", assertThrows(KMSInvalidStateException.class,
                () -> lookup.forOperation(SCOPE, key.id().value(), KeyOperation.Encrypt, Aliases.ACCEPTED)).getMessage());
        assertEquals(key.id(), lookup.forOperation(SCOPE, key.id().value(), KeyOperation.DescribeKey, Aliases.ACCEPTED)
                .metadata().id());
    }

    private KmsKey newKey(Scope scope) {
        return keys.create(scope, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS, Map.of()));
    }
}
