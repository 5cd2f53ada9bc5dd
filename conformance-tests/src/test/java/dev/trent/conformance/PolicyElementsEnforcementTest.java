package dev.trent.conformance;

import static dev.trent.conformance.AccessDenied.denyInIdentityPolicy;
import static dev.trent.conformance.AccessDenied.denyInResourcePolicy;
import static dev.trent.conformance.AccessDenied.noIdentityPolicy;
import static dev.trent.conformance.AccessDenied.noResourcePolicy;
import static dev.trent.conformance.PolicyJson.allow;
import static dev.trent.conformance.PolicyJson.deny;
import static dev.trent.conformance.PolicyJson.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.conformance.PolicyCallers.Caller;
import dev.trent.conformance.PolicyCallers.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.GrantOperation;

/**
 * Each element of the policy language, in key policies and IAM identity policies, through the real SDK with
 * {@code --auth enforce}: for every element a request it lets through and one it refuses, with AWS's
 * AccessDeniedException message naming the policy type that refused. Effect, Principal in all its forms,
 * NotPrincipal, Action and NotAction with wildcards, Resource and NotResource, and the Condition element's
 * IfExists, set qualifiers and its AND/OR rules.
 */
class PolicyElementsEnforcementTest extends EnforcedPolicyTestBase {

    // Effect

    @Test
    void effectAllow_inTheKeyPolicy_letsTheNamedPrincipalIn_andNoOneElse() {
        Caller bob = callers.user("bob");
        Caller carol = callers.user("carol");
        String arn = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")));

        encrypt(bob, arn);
        noResourcePolicy(carol.arn(), "kms:Encrypt", arn, () -> encrypt(carol, arn));
    }

    @Test
    void effectDeny_inTheKeyPolicy_winsOverAnAllowForEveryone() {
        Caller bob = callers.user("bob");
        Caller carol = callers.user("carol");
        String arn = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt"),
                deny().principal(bob.arn()).action("kms:Encrypt")));

        encrypt(carol, arn);
        denyInResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, arn));
    }

    @Test
    void effectDeny_inAnIdentityPolicy_winsOverTheKeyPolicysAllow() {
        Caller bob = callers.user("bob", deny().action("kms:Encrypt").asPolicy());
        Caller carol = callers.user("carol");
        String arn = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt")));

        encrypt(carol, arn);
        denyInIdentityPolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, arn));
    }

    @Test
    void effectDeny_winsOverAGrant() {
        Caller bob = callers.user("bob");
        Caller carol = callers.user("carol");
        String arn = keyWithPolicy(policy(allow().principal(ownerRoot()).action("kms:*"),
                deny().principal(bob.arn()).action("kms:Encrypt")));
        for (Caller grantee : new Caller[] {bob, carol}) {
            kms.createGrant(b -> b.keyId(arn).granteePrincipal(grantee.arn()).operations(GrantOperation.ENCRYPT));
        }

        encrypt(carol, arn);
        denyInResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, arn));
    }

    @Test
    void identityPolicies_inlineAndManaged_eachAllow_untilTheyAreRemoved() {
        String arn = keyOfTheAccount();
        Caller inline = callers.user("inline", allow().action("kms:Encrypt").asPolicy());
        Caller managed = callers.user("managed");
        String policyArn = callers.attachManaged(managed, allow().action("kms:Encrypt").resource(arn).asPolicy());

        encrypt(inline, arn);
        encrypt(managed, arn);
        callers.deleteInline(inline, 0);
        callers.detachManaged(managed, policyArn);
        noIdentityPolicy(inline.arn(), "kms:Encrypt", arn, () -> encrypt(inline, arn));
        noIdentityPolicy(managed.arn(), "kms:Encrypt", arn, () -> encrypt(managed, arn));
    }

    // Principal

    @Test
    void principalAccountId_delegatesToTheAccountsIdentityPolicies() {
        Caller permitted = callers.user("permitted", allow().action("kms:Encrypt").asPolicy());
        Caller bare = callers.user("bare");
        String arn = keyWithPolicy(policy(allow().principal(OWNER).action("kms:Encrypt")));

        encrypt(permitted, arn);
        kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT));
        noIdentityPolicy(bare.arn(), "kms:Encrypt", arn, () -> encrypt(bare, arn));
    }

    @Test
    void principalAccountRootArn_meansTheWholeAccount_notOnlyItsRootUser() {
        Caller permitted = callers.user("permitted", allow().action("kms:Encrypt").asPolicy());
        Caller bare = callers.user("bare");
        String arn = keyWithPolicy(policy(allow().principal(ownerRoot()).action("kms:Encrypt")));

        encrypt(permitted, arn);
        kms.encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT));
        noIdentityPolicy(bare.arn(), "kms:Encrypt", arn, () -> encrypt(bare, arn));
    }

    @Test
    void principalOfAnotherAccount_byIdOrRootArn_letsThatAccountIn_andNoOtherAccount() {
        Caller own = callers.user("own", allow().action("kms:*").asPolicy());
        String byId = keyWithPolicy(policy(allow().principal(PARTNER).action("kms:Encrypt")));
        String byRootArn = keyWithPolicy(policy(allow().principal("arn:aws:iam::" + PARTNER + ":root")
                .action("kms:Encrypt")));

        for (String arn : new String[] {byId, byRootArn}) {
            encrypt(partner, arn);
            noResourcePolicy(outsider.arn(), "kms:Encrypt", arn, () -> encrypt(outsider, arn));
            noResourcePolicy(own.arn(), "kms:Encrypt", arn, () -> encrypt(own, arn));
        }
    }

    @Test
    void principalOfAnotherAccount_needsTheIdentityPoliciesOfThatAccountsUsersAndSessions() {
        String arn = keyWithPolicy(policy(allow().principal(PARTNER).action("kms:Encrypt")));
        Caller permitted = partnerCallers.user("permitted", allow().action("kms:Encrypt").resource(arn).asPolicy());
        Caller bare = partnerCallers.user("bare");
        Caller session = partnerCallers.session(partnerCallers.role("remote",
                allow().action("kms:Encrypt").resource("arn:aws:kms:*:" + OWNER + ":key/*").asPolicy()), "ci-job");
        Caller bareSession = partnerCallers.session(partnerCallers.role("remote-bare"), "ci-job");

        encrypt(permitted, arn);
        encrypt(session, arn);
        noIdentityPolicy(bare.arn(), "kms:Encrypt", arn, () -> encrypt(bare, arn));
        noIdentityPolicy(bareSession.arn(), "kms:Encrypt", arn, () -> encrypt(bareSession, arn));
    }

    @Test
    void principalUserArn_ofAnotherAccount_stillNeedsThatUsersIdentityPolicy() {
        Caller permitted = partnerCallers.user("permitted", allow().action("kms:Encrypt").asPolicy());
        Caller bare = partnerCallers.user("bare");
        String arn = keyWithPolicy(policy(allow().principal(permitted.arn(), bare.arn()).action("kms:Encrypt")));

        encrypt(permitted, arn);
        noIdentityPolicy(bare.arn(), "kms:Encrypt", arn, () -> encrypt(bare, arn));
    }

    @Test
    void principalUserArn_allowsThatUser_evenWithoutIdentityPolicies() {
        Caller bob = callers.user("bob");
        Caller admin = callers.user("admin", allow().action("kms:*").asPolicy());
        String arn = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")));

        encrypt(bob, arn);
        noResourcePolicy(admin.arn(), "kms:Encrypt", arn, () -> encrypt(admin, arn));
    }

    @Test
    void principalRoleArn_allowsEverySessionOfTheRole_andNoOtherRole() {
        Role signer = callers.role("signer");
        Role other = callers.role("other");
        String arn = keyWithPolicy(policy(allow().principal(signer.arn()).action("kms:Encrypt")));
        Caller stranger = callers.session(other, "build-1");

        encrypt(callers.session(signer, "build-1"), arn);
        encrypt(callers.session(signer, "build-2"), arn);
        noResourcePolicy(stranger.arn(), "kms:Encrypt", arn, () -> encrypt(stranger, arn));
    }

    @Test
    void aRoleUnderAPath_isNamedByItsFullArn_inKeyPolicies_inConditions_andForItsIdentityPolicies() {
        Role signer = callers.roleAt("/team/", "signer", allow().action("kms:Encrypt").asPolicy());
        Caller session = callers.session(signer, "build-1");
        assertEquals("arn:aws:sts::" + OWNER + ":assumed-role/" + signer.name() + "/build-1", session.arn());
        String byPrincipal = keyWithPolicy(policy(allow().principal(signer.arn()).action("kms:Encrypt")));
        String byCondition = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt")
                .when("ArnEquals", "aws:PrincipalArn", signer.arn())));
        String byIdentity = keyOfTheAccount();

        encrypt(session, byPrincipal);
        encrypt(session, byCondition);
        encrypt(session, byIdentity);
    }

    @Test
    void principalAssumedRoleSessionArn_allowsThatSessionOnly() {
        Role signer = callers.role("signer");
        String arn = keyWithPolicy(policy(allow().principal(callers.sessionArn(signer, "build-1"))
                .action("kms:Encrypt")));
        Caller sibling = callers.session(signer, "build-2");

        encrypt(callers.session(signer, "build-1"), arn);
        noResourcePolicy(sibling.arn(), "kms:Encrypt", arn, () -> encrypt(sibling, arn));
    }

    @Test
    void principalStar_allowsEveryoneInEveryAccount_andDeniesEveryoneInADeny() {
        Caller bob = callers.user("bob");
        Caller session = callers.session(callers.role("any"), "anyone");
        String open = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt")));
        String openToAws = keyWithPolicy(policy(allow().principal("*").action("kms:Encrypt")));
        String closed = keyWithPolicy(policy(allow().principal(ownerRoot(), PARTNER).action("kms:*"),
                deny().anyone().action("kms:Encrypt")));

        for (Caller caller : new Caller[] {bob, session, partner, outsider}) {
            encrypt(caller, open);
            encrypt(caller, openToAws);
        }
        kms.describeKey(b -> b.keyId(closed));
        denyInResourcePolicy(ownerRoot(), "kms:Encrypt", closed, () -> kms.encrypt(b -> b.keyId(closed)
                .plaintext(PLAINTEXT)));
        denyInResourcePolicy(partner.arn(), "kms:Encrypt", closed, () -> encrypt(partner, closed));
    }

    // NotPrincipal

    @Test
    void notPrincipal_inADeny_sparesTheListedUser_andNoOneElse() {
        Caller bob = callers.user("bob");
        Caller carol = callers.user("carol");
        String arn = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt"),
                deny().notPrincipal(bob.arn(), ownerRoot()).action("kms:Encrypt")));

        encrypt(bob, arn);
        denyInResourcePolicy(carol.arn(), "kms:Encrypt", arn, () -> encrypt(carol, arn));
        denyInResourcePolicy(partner.arn(), "kms:Encrypt", arn, () -> encrypt(partner, arn));
    }

    @Test
    void notPrincipal_inADeny_sparesASession_onlyWithItsRoleAndAccountListedToo() {
        Role signer = callers.role("signer");
        Caller session = callers.session(signer, "release");
        String spared = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt"),
                deny().notPrincipal(session.arn(), signer.arn(), ownerRoot()).action("kms:Encrypt")));
        String withoutRole = keyWithPolicy(policy(allow().anyone().action("kms:Encrypt"),
                deny().notPrincipal(session.arn(), ownerRoot()).action("kms:Encrypt")));

        encrypt(session, spared);
        denyInResourcePolicy(session.arn(), "kms:Encrypt", withoutRole, () -> encrypt(session, withoutRole));
    }

    @Test
    void notPrincipal_inAnAllow_allowsEveryoneButTheListed() {
        String arn = keyWithPolicy(policy(allow().notPrincipal("arn:aws:iam::" + OUTSIDER + ":root")
                .action("kms:Encrypt")));

        encrypt(partner, arn);
        encrypt(callers.user("bob"), arn);
        noResourcePolicy(outsider.arn(), "kms:Encrypt", arn, () -> encrypt(outsider, arn));
    }

    // Action and NotAction

    @Test
    void actionWildcards_coverTheActionsTheySpell_andNoOthers() {
        Caller bob = callers.user("bob");
        String arn = keyWithPolicy(policy(allow().principal(bob.arn())
                .action("kms:*crypt", "kms:Describe*", "kms:GenerateDataKey?ithoutPlaintext")));
        String destination = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:ReEncrypt*")));

        SdkBytes blob = encrypt(bob, arn);
        assertEquals(PLAINTEXT, bob.kms().decrypt(b -> b.ciphertextBlob(blob)).plaintext());
        assertEquals(arn, bob.kms().describeKey(b -> b.keyId(arn)).keyMetadata().arn());
        bob.kms().generateDataKeyWithoutPlaintext(b -> b.keyId(arn).numberOfBytes(32));
        noResourcePolicy(bob.arn(), "kms:GenerateDataKey", arn,
                () -> bob.kms().generateDataKey(b -> b.keyId(arn).numberOfBytes(32)));
        noResourcePolicy(bob.arn(), "kms:ReEncryptFrom", arn,
                () -> bob.kms().reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(destination)));
    }

    @Test
    void actionNames_compareIgnoringCase_andKmsStarCoversEveryKeyAction() {
        Caller bob = callers.user("bob");
        String one = keyWithPolicy(policy(allow().principal(bob.arn()).action("KMS:encrypt")));
        String all = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:*")));

        encrypt(bob, one);
        noResourcePolicy(bob.arn(), "kms:DescribeKey", one, () -> bob.kms().describeKey(b -> b.keyId(one)));
        encrypt(bob, all);
        bob.kms().describeKey(b -> b.keyId(all));
        bob.kms().disableKey(b -> b.keyId(all));
    }

    @Test
    void notAction_inAnAllow_coversEveryActionButTheListed() {
        Caller bob = callers.user("bob");
        String arn = keyWithPolicy(policy(allow().principal(bob.arn()).notAction("kms:Decrypt", "kms:ReEncrypt*")));

        SdkBytes blob = encrypt(bob, arn);
        bob.kms().describeKey(b -> b.keyId(arn));
        noResourcePolicy(bob.arn(), "kms:Decrypt", arn, () -> bob.kms().decrypt(b -> b.ciphertextBlob(blob)));
    }

    @Test
    void notAction_inADeny_refusesEveryActionButTheListed() {
        Caller bob = callers.user("bob");
        String arn = keyWithPolicy(policy(allow().anyone().action("kms:*"),
                deny().anyone().notAction("kms:Encrypt", "kms:Describe*")));

        encrypt(bob, arn);
        bob.kms().describeKey(b -> b.keyId(arn));
        denyInResourcePolicy(bob.arn(), "kms:GenerateDataKey", arn,
                () -> bob.kms().generateDataKey(b -> b.keyId(arn).numberOfBytes(32)));
    }

    // Resource and NotResource

    @Test
    void resourceInTheKeyPolicy_mayNameTheKeyItsOwnArn_anotherKeysArnAppliesToNothing() {
        Caller bob = callers.user("bob");
        String own = keyOfTheAccount();
        String other = keyOfTheAccount();
        String misdirected = keyOfTheAccount();
        putPolicy(own, policy(allow().principal(bob.arn()).action("kms:Encrypt").resource(own)));
        putPolicy(misdirected, policy(allow().principal(bob.arn()).action("kms:Encrypt").resource(other)));

        encrypt(bob, own);
        noResourcePolicy(bob.arn(), "kms:Encrypt", misdirected, () -> encrypt(bob, misdirected));
    }

    @Test
    void resourceInAnIdentityPolicy_byKeyArn_coversThatKeyOnly() {
        String named = keyOfTheAccount();
        String unnamed = keyOfTheAccount();
        Caller bob = callers.user("bob", allow().action("kms:Encrypt").resource(named).asPolicy());

        encrypt(bob, named);
        noIdentityPolicy(bob.arn(), "kms:Encrypt", unnamed, () -> encrypt(bob, unnamed));
    }

    @Test
    void resourceWildcards_matchArnsPartByPart() {
        String arn = keyOfTheAccount();
        Caller anyRegion = callers.user("any-region",
                allow().action("kms:Encrypt").resource("arn:aws:kms:*:" + OWNER + ":key/*").asPolicy());
        Caller aliasesOnly = callers.user("aliases-only",
                allow().action("kms:Encrypt").resource("arn:aws:kms:*:" + OWNER + ":alias/*").asPolicy());
        Caller otherAccount = callers.user("other-account",
                allow().action("kms:Encrypt").resource("arn:aws:kms:us-east-1:" + PARTNER + ":key/*").asPolicy());

        encrypt(anyRegion, arn);
        noIdentityPolicy(aliasesOnly.arn(), "kms:Encrypt", arn, () -> encrypt(aliasesOnly, arn));
        noIdentityPolicy(otherAccount.arn(), "kms:Encrypt", arn, () -> encrypt(otherAccount, arn));
    }

    @Test
    void notResource_inAnAllow_coversEveryKeyButTheListed() {
        String listed = keyOfTheAccount();
        String other = keyOfTheAccount();
        Caller bob = callers.user("bob", allow().action("kms:Encrypt").notResource(listed).asPolicy());

        encrypt(bob, other);
        noIdentityPolicy(bob.arn(), "kms:Encrypt", listed, () -> encrypt(bob, listed));
    }

    @Test
    void notResource_inADeny_refusesEveryKeyButTheListed() {
        String spared = keyOfTheAccount();
        String other = keyOfTheAccount();
        Caller bob = callers.user("bob", policy(allow().action("kms:*"),
                deny().action("kms:Encrypt").notResource(spared)));

        encrypt(bob, spared);
        denyInIdentityPolicy(bob.arn(), "kms:Encrypt", other, () -> encrypt(bob, other));
    }

    @Test
    void accountLevelActions_needAnIdentityPolicy_andAreRefusedOnResourceStar() {
        Caller bob = callers.user("bob", allow().action("kms:CreateKey", "kms:ListKeys").asPolicy());

        String created = bob.kms().createKey(b -> { }).keyMetadata().keyId();
        assertTrue(bob.kms().listKeys().keys().stream().anyMatch(k -> k.keyId().equals(created)));
        noIdentityPolicy(bob.arn(), "kms:ListAliases", "*", () -> bob.kms().listAliases());
    }

    // Condition

    @Test
    void condition_withoutIfExists_needsTheKey_withIfExists_passesWhenItIsAbsent() {
        Caller bob = callers.user("bob");
        String strict = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when("StringEquals", "kms:EncryptionContext:stage", "test")));
        String lenient = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when("StringEqualsIfExists", "kms:EncryptionContext:stage", "test")));

        encrypt(bob, strict, Map.of("stage", "test"));
        noResourcePolicy(bob.arn(), "kms:Encrypt", strict, () -> encrypt(bob, strict));
        encrypt(bob, lenient);
        encrypt(bob, lenient, Map.of("stage", "test"));
        noResourcePolicy(bob.arn(), "kms:Encrypt", lenient, () -> encrypt(bob, lenient, Map.of("stage", "prod")));
    }

    @Test
    void condition_aNegatedIfExistsOperatorInADeny_stillDeniesWhenTheKeyIsAbsent() {
        Caller bob = callers.user("bob");
        String arn = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt"),
                deny().principal(bob.arn()).action("kms:Encrypt")
                        .when("StringNotEqualsIfExists", "kms:EncryptionContext:stage", "test")));

        encrypt(bob, arn, Map.of("stage", "test"));
        denyInResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, arn, Map.of("stage", "prod")));
        denyInResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, arn));
    }

    @Test
    void condition_forAnyValue_needsOneRequestValueToMatch_andFailsOnAnEmptySet() {
        Caller bob = callers.user("bob");
        String arn = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when("ForAnyValue:StringEquals", "kms:EncryptionContextKeys", "tenant", "project")));

        encrypt(bob, arn, Map.of("tenant", "42", "file", "a.txt"));
        noResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, arn, Map.of("file", "a.txt")));
        noResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, arn));
    }

    @Test
    void condition_forAllValues_needsEveryRequestValueToMatch_andPassesAnEmptySet() {
        Caller bob = callers.user("bob");
        String arn = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when("ForAllValues:StringEquals", "kms:EncryptionContextKeys", "tenant", "project")));

        encrypt(bob, arn, Map.of("tenant", "42"));
        encrypt(bob, arn, Map.of("tenant", "42", "project", "apollo"));
        // AWS's documented caveat: with no encryption context there is no value to fail the test.
        encrypt(bob, arn);
        noResourcePolicy(bob.arn(), "kms:Encrypt", arn,
                () -> encrypt(bob, arn, Map.of("tenant", "42", "file", "a.txt")));
    }

    @Test
    void condition_valuesOfOneKeyAreAlternatives_whileKeysAndOperatorsMustAllHold() {
        Caller bob = callers.user("bob");
        String arn = keyWithPolicy(policy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when("StringEquals", "kms:EncryptionContext:stage", "test", "dev")
                .when("StringEquals", "kms:EncryptionContext:tenant", "42")
                .when("Null", "kms:EncryptionContext:secret", "true")));

        encrypt(bob, arn, Map.of("stage", "dev", "tenant", "42"));
        encrypt(bob, arn, Map.of("stage", "test", "tenant", "42"));
        noResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, arn, Map.of("stage", "prod",
                "tenant", "42")));
        noResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, arn, Map.of("stage", "dev",
                "tenant", "7")));
        noResourcePolicy(bob.arn(), "kms:Encrypt", arn, () -> encrypt(bob, arn, Map.of("stage", "dev",
                "tenant", "42", "secret", "x")));
    }

    // Version

    @Test
    void version2012_substitutesPolicyVariables_version2008_readsThemAsText() {
        Caller current = callers.user("current");
        Caller legacy = callers.user("legacy");
        String currentName = current.arn().substring(current.arn().lastIndexOf('/') + 1);
        String legacyName = legacy.arn().substring(legacy.arn().lastIndexOf('/') + 1);
        PolicyJson.Statement ownContextOnly = allow().principal(current.arn(), legacy.arn()).action("kms:Encrypt")
                .when("StringEquals", "kms:EncryptionContext:user", "${aws:username}");
        String substituted = keyWithPolicy(policy(ownContextOnly));
        String literal = keyWithPolicy(PolicyJson.policyOfVersion("2008-10-17", ownContextOnly));

        encrypt(current, substituted, Map.of("user", currentName));
        noResourcePolicy(current.arn(), "kms:Encrypt", substituted,
                () -> encrypt(current, substituted, Map.of("user", "${aws:username}")));
        encrypt(legacy, literal, Map.of("user", "${aws:username}"));
        noResourcePolicy(legacy.arn(), "kms:Encrypt", literal,
                () -> encrypt(legacy, literal, Map.of("user", legacyName)));
    }

    private void putPolicy(String arn, String policy) {
        kms.putKeyPolicy(b -> b.keyId(arn).policyName("default").policy(policy).bypassPolicyLockoutSafetyCheck(true));
    }

    private static SdkBytes encrypt(Caller caller, String arn) {
        return caller.kms().encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT)).ciphertextBlob();
    }

    private static SdkBytes encrypt(Caller caller, String arn, Map<String, String> context) {
        return caller.kms().encrypt(b -> b.keyId(arn).plaintext(PLAINTEXT).encryptionContext(context))
                .ciphertextBlob();
    }
}
