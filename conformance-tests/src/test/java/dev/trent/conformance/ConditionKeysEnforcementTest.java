package dev.trent.conformance;

import static dev.trent.conformance.AccessDenied.denyInResourcePolicy;
import static dev.trent.conformance.AccessDenied.noIdentityPolicy;
import static dev.trent.conformance.AccessDenied.noResourcePolicy;
import static dev.trent.conformance.PolicyJson.allow;
import static dev.trent.conformance.PolicyJson.deny;
import static dev.trent.conformance.PolicyJson.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trent.conformance.PolicyCallers.Caller;
import dev.trent.conformance.PolicyCallers.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Each condition key AWS KMS documents, read from a real request through the SDK with {@code --auth enforce}:
 * for every key a request whose value satisfies the policy and one whose value does not, refused with AWS's
 * message. Keys about the request (encryption context, algorithms, grants, aliases, tags) and about the key (spec,
 * usage, origin, tags, aliases) are shown in key policies or identity policies, the way users write them.
 */
class ConditionKeysEnforcementTest extends EnforcedPolicyTestBase {

    private static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("release 1.0");

    // Keys of the request

    @Test
    void encryptionContextValue_isComparedForEncryptAndDecrypt() {
        Caller bob = callers.user("bob");
        String arn = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt", "kms:Decrypt")
                .when("StringEquals", "kms:EncryptionContext:project", "apollo")));
        Map<String, String> apollo = Map.of("project", "apollo");

        SdkBytes blob = bob.kms().encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT).encryptionContext(apollo))
                .ciphertextBlob();
        assertEquals(PLAINTEXT, bob.kms().decrypt(b -> b.ciphertextBlob(blob).encryptionContext(apollo)).plaintext());
        noResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> bob.kms().encrypt(b -> b.keyId(arn)
                .plaintext(PLAINTEXT).encryptionContext(Map.of("project", "gemini"))));
        noResourcePolicy(bob.arn(), "kms:Decrypt", arn, () -> bob.kms().decrypt(b -> b.ciphertextBlob(blob)));
    }

    @Test
    void encryptionContextKeys_areTheContextsKeyNames() {
        Caller bob = callers.user("bob");
        String arn = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:GenerateDataKey")
                .when("ForAnyValue:StringEquals", "kms:EncryptionContextKeys", "project")));

        bob.kms().generateDataKey(b -> b.keyId(arn).numberOfBytes(32)
                .encryptionContext(Map.of("project", "x", "file", "y")));
        noResourcePolicy(bob.arn(), "kms:GenerateDataKey", arn, () -> bob.kms().generateDataKey(b -> b.keyId(arn)
                .numberOfBytes(32).encryptionContext(Map.of("file", "project"))));
    }

    @Test
    void encryptionContextKeyName_ignoresCase_butItsValueAndTheKeysList_doNot() {
        Caller bob = callers.user("bob");
        String byPair = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when("StringEquals", "kms:EncryptionContext:appname", "ExampleApp")));
        String byKeyName = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when("ForAnyValue:StringEquals", "kms:EncryptionContextKeys", "AppName")));

        encrypt(bob, byPair, Map.of("AppName", "ExampleApp"));
        noResourcePolicy(bob.arn(), "kms:Encrypt", byPair, () -> encrypt(bob, byPair, Map.of("AppName", "exampleapp")));
        encrypt(bob, byKeyName, Map.of("AppName", "x"));
        noResourcePolicy(bob.arn(), "kms:Encrypt", byKeyName, () -> encrypt(bob, byKeyName, Map.of("appname", "x")));
    }

    @Test
    void encryptionContextValue_mayBeAPolicyVariable_resolvedForTheCaller() {
        Caller bob = callers.user("bob");
        String bobName = bob.arn().substring(bob.arn().lastIndexOf('/') + 1);
        String arn = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when("StringEquals", "kms:EncryptionContext:user", "${aws:username}")));

        encrypt(bob, arn, Map.of("user", bobName));
        noResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, arn, Map.of("user", "carol")));
    }

    @Test
    void encryptionContext_ofCreateGrant_isTheGrantsConstraint() {
        Caller bob = callers.user("bob");
        Caller carol = callers.user("carol");
        String arn = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:CreateGrant")
                .when("StringEquals", "kms:EncryptionContext:project", "apollo")));

        bob.kms().createGrant(b -> b.keyId(arn).granteePrincipal(carol.arn()).operations(GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of("project", "apollo"))));
        noResourcePolicy(bob.arn(), "kms:CreateGrant", arn, () -> bob.kms().createGrant(b -> b.keyId(arn)
                .granteePrincipal(carol.arn()).operations(GrantOperation.DECRYPT)));
    }

    @Test
    void forAllValues_overOneEncryptionContextPair_isRefusedAsOverlyPermissive() {
        String overlyPermissive = policy(allow().principal(ownerRoot()).action("kms:*")
                .when("ForAllValues:StringEquals", "kms:EncryptionContext:Department", "IT"));
        String arn = keyOfTheAccount();
        String message = "OverlyPermissiveCondition:EncryptionContext: Using the ForAllValues set operator with a"
                + " single-valued condition key matches requests without the specified encryption context or with an"
                + " unspecified encryption context. To fix, remove ForAllValues.";

        KmsErrors.assertKmsError(MalformedPolicyDocumentException.class, message,
                () -> kms.createKey(b -> b.policy(overlyPermissive)));
        KmsErrors.assertKmsError(MalformedPolicyDocumentException.class, message,
                () -> kms.putKeyPolicy(b -> b.keyId(arn).policyName("default").policy(overlyPermissive)));
        kms.putKeyPolicy(b -> b.keyId(arn).policyName("default").policy(policy(allow().principal(ownerRoot())
                .action("kms:*").when("ForAllValues:StringEquals", "kms:EncryptionContextKeys", "Department"))));
    }

    @Test
    void callerAccount_isTheAccountOfWhoeverCalls() {
        Caller bob = callers.user("bob");
        String arn = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt")
                .when("StringEquals", "kms:CallerAccount", PARTNER)));

        encrypt(partner, arn);
        noResourcePolicy(outsider.arn(), "kms:Encrypt", arn, () -> encrypt(outsider, arn));
        noResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, arn));
    }

    @Test
    void viaService_isAbsentForADirectCall() {
        Caller bob = callers.user("bob");
        String throughS3 = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt")
                .when("StringEquals", "kms:ViaService", "s3.us-east-1.amazonaws.com")));
        String directOnly = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt")
                .when("Null", "kms:ViaService", "true")));
        String deniedUnlessS3 = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt"),
                deny().anyone().action("kms:Encrypt")
                        .when("StringNotEquals", "kms:ViaService", "s3.us-east-1.amazonaws.com")));
        String deniedThroughEc2 = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt"),
                deny().anyone().action("kms:Encrypt")
                        .when("StringEquals", "kms:ViaService", "ec2.us-east-1.amazonaws.com")));

        encrypt(bob, directOnly);
        encrypt(bob, deniedThroughEc2);
        noResourcePolicy(bob.arn(), "kms:Encrypt", throughS3, () -> encrypt(bob, throughS3));
        denyInResourcePolicy(bob.arn(), "kms:Encrypt", deniedUnlessS3, () -> encrypt(bob, deniedUnlessS3));
    }

    @Test
    void signingAlgorithm_isTheRequestsAlgorithm() {
        Caller bob = callers.user("bob");
        String arn = keyWithPolicy(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY, policy(allow().principal(bob.arn())
                .action("kms:Sign").when("StringEquals", "kms:SigningAlgorithm", "RSASSA_PSS_SHA_256"))).arn();

        bob.kms().sign(b -> b.keyId(arn).message(MESSAGE).signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256));
        noResourcePolicy(bob.arn(), "kms:Sign", arn, () -> bob.kms().sign(b -> b.keyId(arn).message(MESSAGE)
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)));
    }

    @Test
    void encryptionAlgorithm_isTheRequestsAlgorithm_orSymmetricDefaultWhenNoneIsGiven() {
        Caller bob = callers.user("bob");
        String rsa = keyWithPolicy(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT, policy(allow()
                .principal(bob.arn()).action("kms:Encrypt")
                .when("StringEquals", "kms:EncryptionAlgorithm", "RSAES_OAEP_SHA_256"))).arn();
        String symmetric = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when("StringEquals", "kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT")));

        bob.kms().encrypt(b -> b.keyId(rsa).plaintext(PLAINTEXT)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256));
        encrypt(bob, symmetric);
        noResourcePolicy(bob.arn(), "kms:Encrypt", rsa, () -> bob.kms().encrypt(b -> b.keyId(rsa).plaintext(PLAINTEXT)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1)));
    }

    @Test
    void macAlgorithm_isTheRequestsAlgorithm() {
        Caller bob = callers.user("bob");
        String macPolicy = policy(allow().principal(bob.arn()).action("kms:GenerateMac")
                .when("StringEquals", "kms:MacAlgorithm", "HMAC_SHA_256"));
        String hmac256 = keyWithPolicy(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC, macPolicy).arn();
        String hmac384 = keyWithPolicy(KeySpec.HMAC_384, KeyUsageType.GENERATE_VERIFY_MAC, macPolicy).arn();

        bob.kms().generateMac(b -> b.keyId(hmac256).message(MESSAGE).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256));
        noResourcePolicy(bob.arn(), "kms:GenerateMac", hmac384, () -> bob.kms().generateMac(b -> b.keyId(hmac384)
                .message(MESSAGE).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_384)));
    }

    @Test
    void grantOperations_areTheOperationsTheGrantWouldAllow() {
        Caller bob = callers.user("bob");
        Caller carol = callers.user("carol");
        String arn = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:CreateGrant")
                .when("ForAllValues:StringEquals", "kms:GrantOperations", "Encrypt", "Decrypt")));

        bob.kms().createGrant(b -> b.keyId(arn).granteePrincipal(carol.arn())
                .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT));
        noResourcePolicy(bob.arn(), "kms:CreateGrant", arn, () -> bob.kms().createGrant(b -> b.keyId(arn)
                .granteePrincipal(carol.arn()).operations(GrantOperation.DECRYPT, GrantOperation.RE_ENCRYPT_FROM)));
    }

    @Test
    void granteePrincipal_isWhomTheGrantWouldServe() {
        Caller bob = callers.user("bob");
        Caller carol = callers.user("carol");
        Caller dave = callers.user("dave");
        String arn = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:CreateGrant")
                .when("StringEquals", "kms:GranteePrincipal", carol.arn())));

        bob.kms().createGrant(b -> b.keyId(arn).granteePrincipal(carol.arn()).operations(GrantOperation.ENCRYPT));
        noResourcePolicy(bob.arn(), "kms:CreateGrant", arn, () -> bob.kms().createGrant(b -> b.keyId(arn)
                .granteePrincipal(dave.arn()).operations(GrantOperation.ENCRYPT)));
    }

    @Test
    void reEncryptOnSameKey_isWhetherTheDestinationIsTheSourceKey() {
        Caller bob = callers.user("bob");
        String onlySameKey = policy(allow().principal(bob.arn()).action("kms:Encrypt"),
                allow().principal(bob.arn()).action("kms:ReEncrypt*").when("Bool", "kms:ReEncryptOnSameKey", true));
        String arn = keyWithPolicy(onlySameKey);
        String other = keyWithPolicy(onlySameKey);
        String open = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt", "kms:ReEncrypt*")));
        SdkBytes blob = bob.kms().encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT)).ciphertextBlob();
        SdkBytes openBlob = bob.kms().encrypt(b -> b.keyId(open).plaintext(PLAINTEXT)).ciphertextBlob();

        bob.kms().reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(arn));
        noResourcePolicy(bob.arn(), "kms:ReEncryptFrom", arn,
                () -> bob.kms().reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(other)));
        noResourcePolicy(bob.arn(), "kms:ReEncryptTo", other,
                () -> bob.kms().reEncrypt(b -> b.ciphertextBlob(openBlob).destinationKeyId(other)));
    }

    @Test
    void requestAlias_isTheAliasTheRequestNamedTheKeyBy() {
        Caller bob = callers.user("bob");
        String front = uniqueAlias("front");
        String side = uniqueAlias("side");
        String arn = keyWithPolicy(policy(allow().principal(ownerRoot()).action("kms:CreateAlias"),
                allow().principal(bob.arn()).action("kms:Encrypt").when("StringEquals", "kms:RequestAlias", front)));
        kms.createAlias(b -> b.aliasName(front).targetKeyId(arn));
        kms.createAlias(b -> b.aliasName(side).targetKeyId(arn));

        encrypt(bob, front);
        encrypt(bob, "arn:aws:kms:" + REGION + ":" + OWNER + ":" + front);
        noResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, side));
        noResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, arn));
    }

    @Test
    void requestTag_isEachTagTheRequestSets() {
        Caller bob = callers.user("bob", allow().action("kms:TagResource", "kms:CreateKey")
                .when("StringEquals", "aws:RequestTag/env", "dev").asPolicy());
        String arn = keyOfTheAccount();

        bob.kms().tagResource(b -> b.keyId(arn).tags(tag("env", "dev")));
        bob.kms().createKey(b -> b.tags(tag("env", "dev")));
        noIdentityPolicy(bob.arn(), "kms:TagResource", arn,
                () -> bob.kms().tagResource(b -> b.keyId(arn).tags(tag("env", "prod"))));
        noIdentityPolicy(bob.arn(), "kms:CreateKey", "*", () -> bob.kms().createKey(b -> b.tags(tag("env", "prod"))));
    }

    @Test
    void tagKeys_areTheKeysOfTheTagsTheRequestSetsOrRemoves() {
        Caller bob = callers.user("bob", allow().action("kms:TagResource", "kms:UntagResource")
                .when("ForAllValues:StringEquals", "aws:TagKeys", "env", "team").asPolicy());
        String arn = keyOfTheAccount();

        bob.kms().tagResource(b -> b.keyId(arn).tags(tag("env", "dev"), tag("team", "a")));
        bob.kms().untagResource(b -> b.keyId(arn).tagKeys("env"));
        noIdentityPolicy(bob.arn(), "kms:TagResource", arn,
                () -> bob.kms().tagResource(b -> b.keyId(arn).tags(tag("owner", "bob"))));
        noIdentityPolicy(bob.arn(), "kms:UntagResource", arn,
                () -> bob.kms().untagResource(b -> b.keyId(arn).tagKeys("team", "owner")));
    }

    // Keys of the key

    @Test
    void keySpec_isTheKeysSpec_orTheSpecCreateKeyAsksFor() {
        Caller bob = callers.user("bob", policy(
                allow().action("kms:Sign").when("StringEquals", "kms:KeySpec", "ECC_NIST_P256"),
                allow().action("kms:CreateKey").when("StringEquals", "kms:KeySpec", "SYMMETRIC_DEFAULT")));
        String p256 = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY).arn();
        String p384 = newKey(KeySpec.ECC_NIST_P384, KeyUsageType.SIGN_VERIFY).arn();

        bob.kms().sign(b -> b.keyId(p256).message(MESSAGE).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));
        bob.kms().createKey(b -> { });
        noIdentityPolicy(bob.arn(), "kms:Sign", p384, () -> bob.kms().sign(b -> b.keyId(p384).message(MESSAGE)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_384)));
        noIdentityPolicy(bob.arn(), "kms:CreateKey", "*", () -> bob.kms().createKey(b -> b.keySpec(KeySpec.HMAC_256)
                .keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)));
    }

    @Test
    void keyUsage_isTheKeysUsage_orTheUsageCreateKeyAsksFor() {
        Caller bob = callers.user("bob", policy(
                allow().action("kms:DescribeKey").when("StringEquals", "kms:KeyUsage", "GENERATE_VERIFY_MAC"),
                allow().action("kms:CreateKey").when("StringEquals", "kms:KeyUsage", "SIGN_VERIFY")));
        String mac = newKey(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC).arn();
        String symmetric = keyOfTheAccount();

        bob.kms().describeKey(b -> b.keyId(mac));
        bob.kms().createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY));
        noIdentityPolicy(bob.arn(), "kms:DescribeKey", symmetric, () -> bob.kms().describeKey(b -> b.keyId(symmetric)));
        noIdentityPolicy(bob.arn(), "kms:CreateKey", "*", () -> bob.kms().createKey(b -> { }));
    }

    @Test
    void keyOrigin_isTheKeysOrigin_orTheOriginCreateKeyAsksFor() {
        Caller bob = callers.user("bob", allow().action("kms:DescribeKey", "kms:CreateKey")
                .when("StringEquals", "kms:KeyOrigin", "EXTERNAL").asPolicy());
        String external = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata().arn();
        String generated = keyOfTheAccount();

        bob.kms().describeKey(b -> b.keyId(external));
        bob.kms().createKey(b -> b.origin(OriginType.EXTERNAL));
        noIdentityPolicy(bob.arn(), "kms:DescribeKey", generated, () -> bob.kms().describeKey(b -> b.keyId(generated)));
        noIdentityPolicy(bob.arn(), "kms:CreateKey", "*", () -> bob.kms().createKey(b -> { }));
    }

    @Test
    void resourceAliases_areTheAliasesOfTheKey_howeverTheRequestNamesIt() {
        Caller bob = callers.user("bob", allow().action("kms:Encrypt")
                .when("ForAnyValue:StringLike", "kms:ResourceAliases", "alias/finance-*").asPolicy());
        String finance = keyOfTheAccount();
        String hr = keyOfTheAccount();
        String bare = keyOfTheAccount();
        String financeAlias = uniqueAlias("finance");
        kms.createAlias(b -> b.aliasName(financeAlias).targetKeyId(finance));
        kms.createAlias(b -> b.aliasName(uniqueAlias("hr")).targetKeyId(hr));

        encrypt(bob, finance);
        noIdentityPolicy(bob.arn(), "kms:Encrypt", hr, () -> encrypt(bob, hr));
        noIdentityPolicy(bob.arn(), "kms:Encrypt", bare, () -> encrypt(bob, bare));

        // Aliases change without any policy changing; the very next request sees the key's new aliases.
        kms.updateAlias(b -> b.aliasName(financeAlias).targetKeyId(bare));
        encrypt(bob, bare);
        noIdentityPolicy(bob.arn(), "kms:Encrypt", finance, () -> encrypt(bob, finance));
    }

    @Test
    void resourceTag_isEachTagOfTheKey() {
        Caller bob = callers.user("bob", allow().action("kms:Encrypt")
                .when("StringEquals", "aws:ResourceTag/project", "apollo").asPolicy());
        String apollo = kms.createKey(b -> b.tags(tag("project", "apollo"))).keyMetadata().arn();
        String gemini = kms.createKey(b -> b.tags(tag("project", "gemini"))).keyMetadata().arn();
        String untagged = keyOfTheAccount();

        encrypt(bob, apollo);
        noIdentityPolicy(bob.arn(), "kms:Encrypt", gemini, () -> encrypt(bob, gemini));
        noIdentityPolicy(bob.arn(), "kms:Encrypt", untagged, () -> encrypt(bob, untagged));

        // Tags change without any policy changing; the very next request sees the key's new tags.
        kms.tagResource(b -> b.keyId(gemini).tags(tag("project", "apollo")));
        kms.untagResource(b -> b.keyId(apollo).tagKeys("project"));
        encrypt(bob, gemini);
        noIdentityPolicy(bob.arn(), "kms:Encrypt", apollo, () -> encrypt(bob, apollo));
    }

    // Keys of the caller and the circumstances

    @Test
    void principalArn_isTheUsersArn_orForASessionItsRolesArn() {
        Role signer = callers.role("signer");
        Caller session = callers.session(signer, "build-7");
        Caller ops = callers.user("ops");
        Caller dev = callers.user("dev");
        String byRole = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt")
                .when("ArnEquals", "aws:PrincipalArn", signer.arn())));
        String bySession = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt")
                .when("ArnEquals", "aws:PrincipalArn", session.arn())));
        String byUserName = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt")
                .when("ArnLike", "aws:PrincipalArn", "arn:aws:iam::" + OWNER + ":user/ops-*")));

        encrypt(session, byRole);
        encrypt(ops, byUserName);
        noResourcePolicy(session.arn(), "kms:Encrypt", bySession, () -> encrypt(session, bySession));
        noResourcePolicy(ops.arn(), "kms:Encrypt", byRole, () -> encrypt(ops, byRole));
        noResourcePolicy(dev.arn(), "kms:Encrypt", byUserName, () -> encrypt(dev, byUserName));
    }

    @Test
    void principalAccount_isTheCallersAccount() {
        Caller bob = callers.user("bob");
        String arn = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt"),
                deny().anyone().action("kms:Encrypt").when("StringNotEquals", "aws:PrincipalAccount", OWNER)));

        encrypt(bob, arn);
        kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT));
        denyInResourcePolicy(partner.arn(), "kms:Encrypt", arn, () -> encrypt(partner, arn));
    }

    @Test
    void sourceIp_isTheCallersAddress() {
        Caller bob = callers.user("bob");
        String loopback = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when("IpAddress", "aws:SourceIp", "127.0.0.0/8")));
        String office = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when("IpAddress", "aws:SourceIp", "192.0.2.0/24")));

        encrypt(bob, loopback);
        noResourcePolicy(bob.arn(), "kms:Encrypt", office, () -> encrypt(bob, office));
    }

    @Test
    void currentTime_isTheServersClock() {
        Caller bob = callers.user("bob");
        String inAnHour = serverNow().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String until = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when("DateLessThan", "aws:CurrentTime", inAnHour)));
        String from = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when("DateGreaterThan", "aws:CurrentTime", inAnHour)));

        encrypt(bob, until);
        noResourcePolicy(bob.arn(), "kms:Encrypt", from, () -> encrypt(bob, from));
    }

    private Instant serverNow() {
        return Instant.parse(SignedRequests.admin(server.endpoint(), "GET", "/_trent/health", null, null, null, null)
                .body().get("now").asText());
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    private static void encrypt(Caller caller, String keyId) {
        caller.kms().encrypt(b -> b.keyId(keyId).plaintext(PLAINTEXT));
    }

    private static void encrypt(Caller caller, String keyId, Map<String, String> context) {
        caller.kms().encrypt(b -> b.keyId(keyId).plaintext(PLAINTEXT).encryptionContext(context));
    }
}
