package dev.trent.server.policy;

import static dev.trent.server.policy.Fixtures.ANA;
import static dev.trent.server.policy.Fixtures.KEY_ARN;
import static dev.trent.server.policy.Fixtures.SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The condition keys each operation supplies, from its members, the key and the caller. */
class KmsRequestContextTest {

    private static final String OTHER_KEY =
            "arn:aws:kms:us-west-2:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321";
    private static final KeyFacts KEY = new KeyFacts(KEY_ARN, "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "AWS_KMS", false,
            null, Map.of("Project", "Alpha"), List.of("alias/finance", "alias/app"));
    private static final KeyFacts SIGNING_KEY = new KeyFacts(OTHER_KEY, "ECC_NIST_P256", "SIGN_VERIFY", "EXTERNAL",
            true, "PRIMARY", Map.of(), List.of());
    private static final Instant NOW = Instant.parse("2026-12-03T17:00:00Z");

    private static CallerFacts caller(PolicyPrincipal who) {
        return new CallerFacts(who, "us-west-2", "203.0.113.9", NOW, true, null);
    }

    private static ContextKeys only(String operation, Map<String, ?> members, Map<PermissionTarget, KeyFacts> keys,
            PolicyPrincipal who) {
        List<PermissionCheck> checks = KmsRequestContext.checks(operation, members, keys, caller(who));
        assertEquals(1, checks.size());
        return checks.get(0).request().context();
    }

    @Test
    void globalKeys_describeTheCallerAndTheMoment() {
        ContextKeys c = only("DescribeKey", Map.of("KeyId", KEY_ARN), Map.of(PermissionTarget.KEY, KEY), ANA);
        assertEquals("arn:aws:iam::111122223333:user/Ana", c.single("aws:PrincipalArn"));
        assertEquals("111122223333", c.single("aws:PrincipalAccount"));
        assertEquals("111122223333", c.single("kms:CallerAccount"));
        assertEquals("User", c.single("aws:PrincipalType"));
        assertEquals("Ana", c.single("aws:username"));
        assertEquals("blue", c.single("aws:PrincipalTag/team"));
        assertEquals("203.0.113.9", c.single("aws:SourceIp"));
        assertEquals("2026-12-03T17:00:00Z", c.single("aws:CurrentTime"));
        assertEquals(Long.toString(NOW.getEpochSecond()), c.single("aws:EpochTime"));
        assertEquals("true", c.single("aws:SecureTransport"));
        assertFalse(c.has("kms:ViaService"));
    }

    @Test
    void session_reportsItsRoleAsPrincipalArn_andHasNoUsername() {
        ContextKeys c = only("DescribeKey", Map.of("KeyId", KEY_ARN), Map.of(PermissionTarget.KEY, KEY), SESSION);
        assertEquals("arn:aws:iam::111122223333:role/Signer", c.single("aws:PrincipalArn"));
        assertEquals("AssumedRole", c.single("aws:PrincipalType"));
        assertFalse(c.has("aws:username"));
    }

    @Test
    void keyFacts_forKeyPermissions() {
        ContextKeys c = only("Sign", Map.of("KeyId", OTHER_KEY, "SigningAlgorithm", "ECDSA_SHA_256"),
                Map.of(PermissionTarget.KEY, SIGNING_KEY), ANA);
        assertEquals("ECC_NIST_P256", c.single("kms:KeySpec"));
        assertEquals("SIGN_VERIFY", c.single("kms:KeyUsage"));
        assertEquals("EXTERNAL", c.single("kms:KeyOrigin"));
        assertEquals("true", c.single("kms:MultiRegion"));
        assertEquals("PRIMARY", c.single("kms:MultiRegionKeyType"));
        assertEquals("ECDSA_SHA_256", c.single("kms:SigningAlgorithm"));
        assertEquals("RAW", c.single("kms:MessageType"));
        ContextKeys tagged = only("Encrypt", Map.of("KeyId", KEY_ARN), Map.of(PermissionTarget.KEY, KEY), ANA);
        assertEquals("Alpha", tagged.single("aws:ResourceTag/Project"));
        assertEquals(List.of("alias/finance", "alias/app"), tagged.values("kms:ResourceAliases"));
    }

    @Test
    void encrypt_encryptionContextPairsAndKeys_andDefaultAlgorithm() {
        ContextKeys c = only("Encrypt", Map.of("KeyId", "alias/finance",
                "EncryptionContext", Map.of("AppName", "ExampleApp")), Map.of(PermissionTarget.KEY, KEY), ANA);
        assertEquals("ExampleApp", c.single("kms:EncryptionContext:AppName"));
        assertEquals("ExampleApp", c.single("kms:encryptioncontext:appname"));
        assertEquals(List.of("AppName"), c.values("kms:EncryptionContextKeys"));
        assertEquals("SYMMETRIC_DEFAULT", c.single("kms:EncryptionAlgorithm"));
        assertEquals("alias/finance", c.single("kms:RequestAlias"));
    }

    @Test
    void requestAlias_fromAnAliasArn_andAbsentForKeyIds() {
        ContextKeys byArn = only("GenerateDataKey", Map.of("KeyId", "arn:aws:kms:us-west-2:111122223333:alias/app"),
                Map.of(PermissionTarget.KEY, KEY), ANA);
        assertEquals("alias/app", byArn.single("kms:RequestAlias"));
        ContextKeys byId = only("GenerateDataKey", Map.of("KeyId", KEY_ARN), Map.of(PermissionTarget.KEY, KEY), ANA);
        assertFalse(byId.has("kms:RequestAlias"));
        assertFalse(byId.has("kms:EncryptionContextKeys"));
    }

    @Test
    void reEncrypt_eachSideSeesItsOwnContext_andSameKeyFlag() {
        Map<String, Object> members = Map.of("SourceEncryptionContext", Map.of("from", "a"),
                "DestinationEncryptionContext", Map.of("to", "b"), "DestinationKeyId", "alias/app",
                "DestinationEncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        List<PermissionCheck> checks = KmsRequestContext.checks("ReEncrypt", members,
                Map.of(PermissionTarget.KEY, KEY, PermissionTarget.SECOND_KEY, KEY), caller(ANA));
        ContextKeys from = checks.get(0).request().context();
        ContextKeys to = checks.get(1).request().context();
        assertEquals("kms:ReEncryptFrom", checks.get(0).request().action());
        assertEquals("a", from.single("kms:EncryptionContext:from"));
        assertFalse(from.has("kms:EncryptionContext:to"));
        assertEquals(List.of("to"), to.values("kms:EncryptionContextKeys"));
        assertEquals("alias/app", to.single("kms:RequestAlias"));
        assertEquals("true", to.single("kms:ReEncryptOnSameKey"));
    }

    @Test
    void createGrant_operationsGranteeAndConstraint() {
        Map<String, Object> members = Map.of("KeyId", KEY_ARN, "GranteePrincipal", "arn:aws:iam::111122223333:role/App",
                "Operations", List.of("Decrypt", "Encrypt"),
                "Constraints", Map.of("EncryptionContextSubset", Map.of("Dept", "IT")));
        ContextKeys c = only("CreateGrant", members, Map.of(PermissionTarget.KEY, KEY), ANA);
        assertEquals(List.of("Decrypt", "Encrypt"), c.values("kms:GrantOperations"));
        assertEquals("arn:aws:iam::111122223333:role/App", c.single("kms:GranteePrincipal"));
        assertEquals("EncryptionContextSubset", c.single("kms:GrantConstraintType"));
        assertEquals("IT", c.single("kms:EncryptionContext:Dept"));
        assertEquals("false", c.single("kms:GrantIsForAWSResource"));
    }

    @Test
    void createKey_requestedSpecAndTags_onTheAccount() {
        Map<String, Object> members = Map.of("KeySpec", "RSA_2048", "KeyUsage", "SIGN_VERIFY",
                "Tags", List.of(Map.of("TagKey", "Team", "TagValue", "Blue")));
        List<PermissionCheck> checks = KmsRequestContext.checks("CreateKey", members, Map.of(), caller(ANA));
        assertEquals(List.of("kms:CreateKey", "kms:TagResource"),
                checks.stream().map(c -> c.request().action()).toList());
        ContextKeys c = checks.get(0).request().context();
        assertEquals("RSA_2048", c.single("kms:KeySpec"));
        assertEquals("SIGN_VERIFY", c.single("kms:KeyUsage"));
        assertEquals("AWS_KMS", c.single("kms:KeyOrigin"));
        assertEquals("false", c.single("kms:MultiRegion"));
        assertEquals("Blue", c.single("aws:RequestTag/Team"));
        assertEquals(List.of("Team"), c.values("aws:TagKeys"));
        assertEquals("*", checks.get(0).request().resource().shown());
        assertEquals("arn:aws:kms:us-west-2:111122223333:*", checks.get(0).request().resource().arn());
        assertNull(checks.get(0).key());
    }

    @Test
    void createKey_defaults() {
        ContextKeys c = KmsRequestContext.checks("CreateKey", Map.of(), Map.of(), caller(ANA)).get(0).request()
                .context();
        assertEquals("SYMMETRIC_DEFAULT", c.single("kms:KeySpec"));
        assertEquals("ENCRYPT_DECRYPT", c.single("kms:KeyUsage"));
        assertEquals("false", c.single("kms:BypassPolicyLockoutSafetyCheck"));
        assertFalse(c.has("aws:TagKeys"));
    }

    @Test
    void aliasOperations_checkTheAliasArn_thenTheKey() {
        List<PermissionCheck> checks = KmsRequestContext.checks("CreateAlias",
                Map.of("AliasName", "alias/app", "TargetKeyId", KEY_ARN), Map.of(PermissionTarget.KEY, KEY),
                caller(ANA));
        assertEquals("arn:aws:kms:us-west-2:111122223333:alias/app", checks.get(0).request().resource().arn());
        assertEquals(KEY_ARN, checks.get(1).request().resource().arn());
        assertEquals(KEY, checks.get(1).key());
    }

    @Test
    void tagAndUntag_andOtherOperationKeys() {
        ContextKeys untag = only("UntagResource", Map.of("KeyId", KEY_ARN, "TagKeys", List.of("a", "b")),
                Map.of(PermissionTarget.KEY, KEY), ANA);
        assertEquals(List.of("a", "b"), untag.values("aws:TagKeys"));
        assertEquals("HMAC_SHA_256", only("GenerateMac", Map.of("MacAlgorithm", "HMAC_SHA_256"),
                Map.of(PermissionTarget.KEY, KEY), ANA).single("kms:MacAlgorithm"));
        assertEquals("RSA_2048", only("GenerateDataKeyPair", Map.of("KeyPairSpec", "RSA_2048"),
                Map.of(PermissionTarget.KEY, KEY), ANA).single("kms:DataKeyPairSpec"));
        assertEquals("true", only("PutKeyPolicy", Map.of("BypassPolicyLockoutSafetyCheck", true),
                Map.of(PermissionTarget.KEY, KEY), ANA).single("kms:BypassPolicyLockoutSafetyCheck"));
        assertEquals("KEY_MATERIAL_DOES_NOT_EXPIRE", only("ImportKeyMaterial",
                Map.of("ExpirationModel", "KEY_MATERIAL_DOES_NOT_EXPIRE"), Map.of(PermissionTarget.KEY, KEY), ANA)
                .single("kms:ExpirationModel"));
        List<PermissionCheck> primary = KmsRequestContext.checks("UpdatePrimaryRegion",
                Map.of("PrimaryRegion", "eu-west-1"), Map.of(PermissionTarget.KEY, KEY, PermissionTarget.SECOND_KEY,
                        SIGNING_KEY), caller(ANA));
        assertEquals("eu-west-1", primary.get(1).request().context().single("kms:PrimaryRegion"));
        assertEquals(OTHER_KEY, primary.get(1).request().resource().arn());
    }

    @Test
    void missingKeyForAKeyPermission_isAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> KmsRequestContext.checks("Encrypt", Map.of(), Map.of(), caller(ANA)));
        assertThrows(IllegalArgumentException.class,
                () -> KmsRequestContext.checks("Frobnicate", Map.of(), Map.of(), caller(ANA)));
        assertTrue(KmsRequestContext.checks("ListKeys", Map.of(), Map.of(), caller(ANA)).get(0).request()
                .context().has("aws:PrincipalArn"));
    }
}
