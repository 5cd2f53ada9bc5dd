package dev.trent.server.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.auth.CredentialStore;
import dev.trent.server.auth.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tokens verify only unaltered, only under their key and only with their access key id. */
class SessionTokensTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-03T18:00:00Z");
    private final SessionTokens tokens = new SessionTokens(key((byte) 1));
    private final Session session = new Session("ASIAEXAMPLEEXAMPLE", new Principal(Principal.Kind.ASSUMED_ROLE,
            "111122223333", "arn:aws:sts::111122223333:assumed-role/r/s", "AROAX:s"),
            "arn:aws:iam::111122223333:role/r", EXPIRY, Optional.of("{}"), Map.of("k", "v"));

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }

    @Test
    void issuedToken_opensToItsSession_andCarriesNoSecret() {
        String token = tokens.issue(session);

        assertEquals(Optional.of(session), tokens.open(token));
        assertTrue(!token.contains(tokens.secretFor(session.accessKeyId())));
    }

    @Test
    void alteredOrForeignTokens_doNotOpen() {
        String token = tokens.issue(session);
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String otherPayload = new SessionTokens(key((byte) 1)).issue(new Session("ASIAOTHEROTHEROTHE",
                session.principal(), session.roleArn(), EXPIRY.plusSeconds(3600), Optional.empty(), Map.of()));
        String spliced = otherPayload.substring(0, otherPayload.indexOf('.')) + token.substring(token.indexOf('.'));

        assertEquals(Optional.empty(), tokens.open(altered));
        assertEquals(Optional.empty(), tokens.open(spliced));
        assertEquals(Optional.empty(), new SessionTokens(key((byte) 2)).open(token));
        assertEquals(Optional.empty(), tokens.open("IQoJb3JpZ2luX2VjEforged"));
        assertNotEquals(tokens.secretFor("ASIAA"), new SessionTokens(key((byte) 2)).secretFor("ASIAA"));
    }

    @Test
    void credentials_needTheTokenOfTheirOwnKey() {
        SessionCredentials credentials = new SessionCredentials(tokens);
        String token = tokens.issue(session);

        assertEquals(new CredentialStore.Refused(CredentialStore.Reason.INVALID_SESSION_TOKEN),
                credentials.find(session.accessKeyId(), Optional.empty(), EXPIRY.minusSeconds(1)));
        assertEquals(new CredentialStore.Refused(CredentialStore.Reason.INVALID_SESSION_TOKEN),
                credentials.find("ASIAANOTHERKEYXXXX", Optional.of(token), EXPIRY.minusSeconds(1)));
        assertEquals(new CredentialStore.Refused(CredentialStore.Reason.UNKNOWN_ACCESS_KEY),
                credentials.find("AKIAEXAMPLE", Optional.of(token), EXPIRY.minusSeconds(1)));
        assertEquals(new CredentialStore.Refused(CredentialStore.Reason.EXPIRED_SESSION_TOKEN),
                credentials.find(session.accessKeyId(), Optional.of(token), EXPIRY));
        // A role session signs with its session policy and tags attached, for authorization to weigh.
        assertEquals(session.principal().withSession(new Principal.SessionAttributes(session.policy(),
                session.tags())), ((CredentialStore.Found) credentials.find(session.accessKeyId(),
                Optional.of(token), EXPIRY.minusSeconds(1))).principal());
    }
}
