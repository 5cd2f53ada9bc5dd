package dev.trent.server.sts;

import static dev.trent.server.iam.IamFixture.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.auth.AuthMode;
import dev.trent.server.auth.CredentialStore;
import dev.trent.server.auth.Principal;
import dev.trent.server.iam.IamFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * AssumeRole: the session's credentials, names and expiry; the bounds on its members; and, in enforce mode, the
 * trust policy weighed with the caller's identity policies.
 */
class AssumeRoleTest {

    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/signer";
    private static final String ANA = "arn:aws:iam::" + ACCOUNT + ":user/ana";

    private final IamFixture iam = new IamFixture(AuthMode.ENFORCE);
    private final Principal ana = iam.user("ana");
    private final Principal bob = iam.user("bob");

    AssumeRoleTest() {
        iam.iam("CreateRole", "RoleName", "signer", "AssumeRolePolicyDocument", IamFixture.trustPolicy(ANA),
                "MaxSessionDuration", "7200").assertOk();
    }

    @Test
    void trustedUser_getsSessionCredentials_thatSignAsTheSessionUntilExpiry() {
        IamFixture.Reply reply = iam.sts(ana, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "ci-42",
                "DurationSeconds", "1800");

        reply.assertOk();
        String roleId = iam.store.account(ACCOUNT).role("signer").orElseThrow().id();
        assertEquals(roleId + ":ci-42", reply.at("//AssumedRoleUser/AssumedRoleId"));
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/signer/ci-42", reply.at("//AssumedRoleUser/Arn"));
        assertEquals("2026-12-03T17:30:00Z", reply.at("//Credentials/Expiration"));
        String keyId = reply.at("//Credentials/AccessKeyId");
        assertTrue(keyId.matches("ASIA[A-Z2-7]{16}"), keyId);
        SessionCredentials sessions = new SessionCredentials(iam.tokens);
        Optional<String> token = Optional.of(reply.at("//Credentials/SessionToken"));
        CredentialStore.Found found = (CredentialStore.Found) sessions.find(keyId, token, iam.clock.instant());
        assertEquals(new Principal(Principal.Kind.ASSUMED_ROLE, ACCOUNT,
                "arn:aws:sts::" + ACCOUNT + ":assumed-role/signer/ci-42", roleId + ":ci-42")
                .withSession(new Principal.SessionAttributes(Optional.empty(), Map.of())), found.principal());
        assertEquals(reply.at("//Credentials/SecretAccessKey"), iam.tokens.secretFor(keyId));

        iam.clock.advance(Duration.ofMinutes(30));
        assertEquals(new CredentialStore.Refused(CredentialStore.Reason.EXPIRED_SESSION_TOKEN),
                sessions.find(keyId, token, iam.clock.instant()));
    }

    @Test
    void untrustedUser_isAccessDenied_andRootMayNotAssumeRoles() {
        iam.sts(bob, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "s1").assertError(403, "AccessDenied",
                "User: " + bob.arn() + " is not authorized to perform: sts:AssumeRole on resource: " + ROLE_ARN);
        iam.sts(IamFixture.ROOT, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "s1").assertError(403,
                "AccessDenied", "Roles may not be assumed by root accounts.");
    }

    @Test
    void trustPolicyNamingTheAccount_delegatesToTheCallersIdentityPolicies() {
        iam.iam("UpdateAssumeRolePolicy", "RoleName", "signer", "PolicyDocument",
                IamFixture.trustPolicy("arn:aws:iam::" + ACCOUNT + ":root")).assertOk();
        iam.sts(bob, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "s1").assertError(403, "AccessDenied",
                "User: " + bob.arn() + " is not authorized to perform: sts:AssumeRole on resource: " + ROLE_ARN);

        iam.iam("PutUserPolicy", "UserName", "bob", "PolicyName", "assume", "PolicyDocument",
                IamFixture.allow("sts:AssumeRole", ROLE_ARN)).assertOk();

        iam.sts(bob, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "s1").assertOk();
    }

    @Test
    void verifyMode_doesNotWeighTheTrustPolicy_butTheRoleMustExist() {
        IamFixture verify = new IamFixture(AuthMode.VERIFY);
        verify.iam("CreateRole", "RoleName", "signer", "AssumeRolePolicyDocument", IamFixture.trustPolicy(ANA))
                .assertOk();

        verify.sts(IamFixture.ROOT, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "s1").assertOk();
        verify.sts(IamFixture.ROOT, "AssumeRole", "RoleArn", "arn:aws:iam::" + ACCOUNT + ":role/none",
                "RoleSessionName", "s1").assertError(403, "AccessDenied", "User: arn:aws:iam::" + ACCOUNT
                + ":root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::" + ACCOUNT
                + ":role/none");
    }

    @Test
    void durationBeyondTheRolesMaximum_andSessionNameBounds_areValidationErrors() {
        iam.sts(ana, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "s1", "DurationSeconds", "7201")
                .assertError(400, "ValidationError",
                        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        iam.sts(ana, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "s1", "DurationSeconds", "899")
                .assertError(400, "ValidationError", "1 validation error detected: Value '899' at 'durationSeconds'"
                        + " failed to satisfy constraint: Member must have value greater than or equal to 900");
        iam.sts(ana, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "a b").assertError(400,
                "ValidationError", "1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        iam.sts(ana, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "x".repeat(65)).assertError(400,
                "ValidationError", "1 validation error detected: Value '" + "x".repeat(65) + "' at 'roleSessionName'"
                        + " failed to satisfy constraint: Member must have length less than or equal to 64");
    }

    @Test
    void sessionTags_needTagSessionInTheTrustPolicy() {
        iam.sts(ana, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "s1", "Tags.member.1.Key", "project",
                "Tags.member.1.Value", "release").assertError(403, "AccessDenied", "User: " + ANA
                        + " is not authorized to perform: sts:TagSession on resource: " + ROLE_ARN);
        iam.sts(ana, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "s1").assertOk();
    }

    @Test
    void defaultDuration_isOneHour_andSessionPolicyAndTagsTravelWithTheToken() {
        iam.iam("UpdateAssumeRolePolicy", "RoleName", "signer", "PolicyDocument", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ANA + "\"},"
                + "\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"]}]}").assertOk();
        String policy = IamFixture.allow("kms:Sign", "*");
        IamFixture.Reply reply = iam.sts(ana, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "s1",
                "Policy", policy, "Tags.member.1.Key", "project", "Tags.member.1.Value", "release");

        assertEquals(Instant.parse("2026-12-03T18:00:00Z").toString(), reply.at("//Credentials/Expiration"));
        Session session = iam.tokens.open(reply.at("//Credentials/SessionToken")).orElseThrow();
        assertEquals(Optional.of(policy), session.policy());
        assertEquals("release", session.tags().get("project"));
        assertEquals(ROLE_ARN, session.roleArn());
        assertTrue(!reply.at("//PackedPolicySize").isEmpty());
    }

    @Test
    void malformedSessionPolicy_isMalformedPolicyDocument() {
        IamFixture.Reply reply = iam.sts(ana, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "s1",
                "Policy", "{\"Statement\":");
        assertEquals(400, reply.status());
        assertEquals("MalformedPolicyDocument", reply.at("//Error/Code"));
    }

    @Test
    void roleChaining_isLimitedToOneHour() {
        Principal session = new Principal(Principal.Kind.ASSUMED_ROLE, ACCOUNT,
                "arn:aws:sts::" + ACCOUNT + ":assumed-role/signer/s1", "AROAEXAMPLE:s1");
        iam.iam("UpdateAssumeRolePolicy", "RoleName", "signer", "PolicyDocument",
                IamFixture.trustPolicy(ROLE_ARN)).assertOk();

        iam.sts(session, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "s2", "DurationSeconds", "3601")
                .assertError(400, "ValidationError", "The requested DurationSeconds exceeds the 1 hour session limit"
                        + " for roles assumed by role chaining.");
        iam.sts(session, "AssumeRole", "RoleArn", ROLE_ARN, "RoleSessionName", "s2").assertOk();
    }
}
