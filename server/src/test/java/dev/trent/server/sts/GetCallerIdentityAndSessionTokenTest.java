package dev.trent.server.sts;

import static dev.trent.server.iam.IamFixture.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trent.server.auth.CredentialStore;
import dev.trent.server.auth.Principal;
import dev.trent.server.iam.IamFixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GetCallerIdentity for each kind of caller; GetSessionToken's durations and who its sessions act as. */
class GetCallerIdentityAndSessionTokenTest {

    private final IamFixture iam = new IamFixture();

    @Test
    void getCallerIdentity_reportsIdAccountAndArn() {
        Principal ana = iam.user("ana");

        IamFixture.Reply root = iam.sts(IamFixture.ROOT, "GetCallerIdentity");
        IamFixture.Reply user = iam.sts(ana, "GetCallerIdentity");

        assertEquals(ACCOUNT, root.at("//GetCallerIdentityResult/UserId"));
        assertEquals(ACCOUNT, root.at("//GetCallerIdentityResult/Account"));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":root", root.at("//GetCallerIdentityResult/Arn"));
        assertEquals(ana.principalId(), user.at("//UserId"));
        assertEquals(ana.arn(), user.at("//Arn"));
        assertEquals(true, root.xml().startsWith(
                "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"));
    }

    @Test
    void getSessionToken_actsAsTheUser_for12HoursByDefault() {
        Principal ana = iam.user("ana");

        IamFixture.Reply reply = iam.sts(ana, "GetSessionToken");

        assertEquals("2026-12-04T05:00:00Z", reply.at("//Credentials/Expiration"));
        CredentialStore.Found found = (CredentialStore.Found) new SessionCredentials(iam.tokens).find(
                reply.at("//Credentials/AccessKeyId"), Optional.of(reply.at("//Credentials/SessionToken")),
                iam.clock.instant());
        assertEquals(ana, found.principal());
    }

    @Test
    void getSessionToken_rootIsCappedAtOneHour_andSessionsMayNotAsk() {
        assertEquals("2026-12-03T18:00:00Z", iam.sts(IamFixture.ROOT, "GetSessionToken", "DurationSeconds", "7200")
                .at("//Credentials/Expiration"));
        Principal session = new Principal(Principal.Kind.ASSUMED_ROLE, ACCOUNT,
                "arn:aws:sts::" + ACCOUNT + ":assumed-role/r/s", "AROAEXAMPLE:s");
        iam.sts(session, "GetSessionToken").assertError(403, "AccessDenied",
                "Cannot call GetSessionToken with session credentials");
        iam.sts(IamFixture.ROOT, "GetSessionToken", "DurationSeconds", "129601").assertError(400,
                "ValidationError", "1 validation error detected: Value '129601' at 'durationSeconds' failed to"
                        + " satisfy constraint: Member must have value less than or equal to 129600");
    }
}
