package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.api.KeyPolicyDocument;
import dev.trent.server.error.LimitExceededException;
import dev.trent.server.error.MalformedPolicyDocumentException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import dev.trent.storage.WriteBatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Key policies: the default, validation, the lockout safety check, and storage through the barrier. */
class PolicyServiceTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final String ROOT = "arn:aws:iam::111122223333:root";

    private final Storage storage = Storage.inMemory();
    private KeyRepository repository = KeyRepository.load(storage.barrier());
    private KeyService keys = new KeyService(repository, new KeyLookup(repository), Clock.systemUTC());
    private PolicyService policies = new PolicyService(repository, new KeyLookup(repository), KeyPolicyDocument::validate);

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void newKey_hasTheDefaultPolicyForTheAccountRoot() {
        KmsKey key = newKey();
        PolicyService.Policy policy = policies.get(SCOPE, key.id().value(), "default");
        assertEquals("default", policy.name());
        assertEquals(KeyPolicies.defaultPolicy(SCOPE.account()), policy.document());
        assertTrue(policy.document().contains("\"AWS\" : \"" + ROOT + "\""), policy.document());
        assertEquals(List.of("default"), policies.names(SCOPE, key.arn()));
    }

    @Test
    void defaultPolicy_passesItsOwnChecks() {
        KeyPolicyDocument.validate(KeyPolicies.defaultPolicy(SCOPE.account()), SCOPE.account(), false);
    }

    @Test
    void put_thenGet_returnsTheExactDocument_andSurvivesReload() {
        KmsKey key = newKey();
        String document = policy("\"Principal\":{\"AWS\":\"" + ROOT + "\"}", "\"kms:*\"") + "\n  ";
        policies.put(SCOPE, key.arn(), "default", document, false);
        assertEquals(document, policies.get(SCOPE, key.id().value(), "default").document());

        reload();
        assertEquals(document, policies.get(SCOPE, key.id().value(), "default").document());
    }

    @Test
    void createKey_storesTheGivenPolicy() {
        String document = policy("\"Principal\":\"*\"", "\"*\"");
        KmsKey key = keys.create(SCOPE, plainKey(), document);
        assertEquals(document, policies.get(SCOPE, key.id().value(), "default").document());
    }

    @Test
    void keyWithoutAPolicyRecord_reportsTheDefault() {
        KmsKey key = newKey();
        policies.put(SCOPE, key.arn(), "default", policy("\"Principal\":\"*\"", "\"*\""), false);
        storage.barrier().commit(new WriteBatch()
                .delete("policies/" + SCOPE.account() + "/" + SCOPE.region() + "/" + key.id().value()));
        reload();
        assertEquals(KeyPolicies.defaultPolicy(SCOPE.account()),
                policies.get(SCOPE, key.id().value(), "default").document());
    }

    @Test
    void destroy_deletesThePolicyRecord() {
        KmsKey key = newKey();
        assertEquals(1, storage.barrier().getAll("policies/").size());
        repository.destroy(keys.scheduleDeletion(SCOPE, key.id().value(), 7));
        assertEquals(Map.of(), storage.barrier().getAll("policies/"));
        assertTrue(repository.policy(SCOPE, key.id()).isEmpty());
    }

    @Test
    void malformedDocuments_areRejected() {
        KmsKey key = newKey();
        String statement = "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}";
        List<String> documents = List.of(
                "{not json",
                "[]",
                "\"text\"",
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]} trailing",
                "{\"Statement\":[" + statement + "]}",
                "{\"Version\":\"2020-01-01\",\"Statement\":[" + statement + "]}",
                "{\"Version\":\"2012-10-17\"}",
                "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
                "{\"Version\":\"2012-10-17\",\"Statement\":\"text\"}",
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + ",42]}",
                statementWith("\"Effect\":\"allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\""),
                statementWith("\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\""),
                statementWith("\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\""),
                statementWith("\"Effect\":\"Allow\",\"Principal\":\"someone\",\"Action\":\"kms:*\",\"Resource\":\"*\""),
                statementWith("\"Effect\":\"Allow\",\"Principal\":{},\"Action\":\"kms:*\",\"Resource\":\"*\""),
                statementWith("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[],\"Resource\":\"*\""),
                statementWith("\"Effect\":\"Allow\",\"Principal\":\"*\",\"NotPrincipal\":\"*\","
                        + "\"Action\":\"kms:*\",\"Resource\":\"*\""));
        List<String> accepted = new ArrayList<>();
        for (String document : documents) {
            try {
                policies.put(SCOPE, key.arn(), "default", document, true);
                accepted.add(document);
            } catch (MalformedPolicyDocumentException expected) {
                // rejected, as it should be
            }
        }
        assertEquals(List.of(), accepted);
        assertEquals(KeyPolicies.defaultPolicy(SCOPE.account()), policies.get(SCOPE, key.arn(), "default").document());
    }

    @Test
    void statementWithoutActionOrResource_isAccepted_asAwsDocuments() {
        KmsKey key = newKey();
        String noAction = statementWith("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"");
        String noResource = statementWith("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\"");
        for (String document : List.of(noAction, noResource)) {
            policies.put(SCOPE, key.arn(), "default", document, true);
            assertEquals(document, policies.get(SCOPE, key.arn(), "default").document());
        }
    }

    @Test
    void lockout_isRejectedUnlessBypassed() {
        KmsKey key = newKey();
        List<String> lockouts = List.of(
                policy("\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/alice\"}", "\"kms:*\""),
                policy("\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"}", "\"kms:*\""),
                policy("\"Principal\":{\"AWS\":\"" + ROOT + "\"}", "[\"kms:Encrypt\",\"kms:Decrypt\"]"),
                policy("\"Principal\":{\"Service\":\"logs.amazonaws.com\"}", "\"kms:*\""),
                policy("\"NotPrincipal\":{\"AWS\":\"" + ROOT + "\"}", "\"kms:*\""),
                statementWith("\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\""));
        for (String document : lockouts) {
            MalformedPolicyDocumentException e = assertThrows(MalformedPolicyDocumentException.class,
                    () -> policies.put(SCOPE, key.arn(), "default", document, false), document);
            assertEquals("The new key policy will not allow you to update the key policy in the future.",
                    e.getMessage());
            policies.put(SCOPE, key.arn(), "default", document, true);
            assertEquals(document, policies.get(SCOPE, key.arn(), "default").document());
        }
    }

    @Test
    void policiesThatKeepTheRootAbleToUpdate_passTheSafetyCheck() {
        KmsKey key = newKey();
        for (String document : List.of(
                policy("\"Principal\":\"*\"", "\"*\""),
                policy("\"Principal\":{\"AWS\":\"*\"}", "\"kms:*\""),
                policy("\"Principal\":{\"AWS\":\"111122223333\"}", "\"kms:PutKeyPolicy\""),
                policy("\"Principal\":{\"AWS\":[\"arn:aws:iam::111122223333:user/a\",\"" + ROOT + "\"]}",
                        "[\"kms:Encrypt\",\"KMS:put*\"]"),
                policy("\"Principal\":{\"AWS\":\"" + ROOT + "\"}", "\"kms:PutKeyPolic?\""))) {
            policies.put(SCOPE, key.arn(), "default", document, false);
            assertEquals(document, policies.get(SCOPE, key.arn(), "default").document());
        }
    }

    @Test
    void oversizedPolicy_isLimitExceeded() {
        KmsKey key = newKey();
        String padding = "x".repeat(KeyPolicyDocument.MAX_POLICY_BYTES);
        String document = "{\"Version\":\"2012-10-17\",\"Id\":\"" + padding + "\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}}";
        assertThrows(LimitExceededException.class, () -> policies.put(SCOPE, key.arn(), "default", document, false));
    }

    @Test
    void otherPolicyNamesAndUnknownKeys_areNotFound() {
        KmsKey key = newKey();
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> policies.get(SCOPE, key.arn(), "other"));
        assertEquals("Policy 'other' does not exist. The only key policy name is default.", e.getMessage());
        assertThrows(NotFoundException.class, () -> policies.put(SCOPE, key.arn(), "other",
                KeyPolicies.defaultPolicy(SCOPE.account()), false));
        String unknown = "0b3c0b1e-7a39-4f8e-9d1c-5e2f6a7b8c9d";
        assertThrows(NotFoundException.class, () -> policies.get(SCOPE, unknown, "default"));
        assertThrows(NotFoundException.class, () -> policies.names(SCOPE, unknown));
        assertThrows(NotFoundException.class, () -> policies.get(SCOPE, "alias/any", "default"));
    }

    private void reload() {
        repository = KeyRepository.load(storage.barrier());
        keys = new KeyService(repository, new KeyLookup(repository), Clock.systemUTC());
        policies = new PolicyService(repository, new KeyLookup(repository), KeyPolicyDocument::validate);
    }

    private KmsKey newKey() {
        return keys.create(SCOPE, plainKey());
    }

    private static NewKey plainKey() {
        return new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS, Map.of());
    }

    /** A one-statement Allow policy with the given principal element and Action value. */
    private static String policy(String principal, String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"," + principal + ",\"Action\":"
                + action + ",\"Resource\":\"*\"}]}";
    }

    private static String statementWith(String members) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{" + members + "}]}";
    }
}
