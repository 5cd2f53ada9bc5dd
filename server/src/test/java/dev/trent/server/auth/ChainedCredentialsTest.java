package dev.trent.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first store that knows an access key answers for it, refusals included; unknown everywhere is unknown. */
class ChainedCredentialsTest {

    private final RootCredentials roots = new RootCredentials(List.of(
            new RootCredentials.Entry("111122223333", "AKIAROOT", SecretAccessKey.of("s"))));
    private final CredentialStore expiring = (id, token, at) -> id.startsWith("ASIA")
            ? new CredentialStore.Refused(CredentialStore.Reason.EXPIRED_SESSION_TOKEN)
            : new CredentialStore.Refused(CredentialStore.Reason.UNKNOWN_ACCESS_KEY);
    private final ChainedCredentials chain = new ChainedCredentials(List.of(roots, expiring));

    @Test
    void firstStoreThatKnowsTheKey_answers() {
        Instant now = Instant.parse("2026-12-03T17:00:00Z");

        assertEquals(Principal.root("111122223333"),
                ((CredentialStore.Found) chain.find("AKIAROOT", Optional.empty(), now)).principal());
        assertEquals(new CredentialStore.Refused(CredentialStore.Reason.INVALID_SESSION_TOKEN),
                chain.find("AKIAROOT", Optional.of("t"), now));
        assertEquals(new CredentialStore.Refused(CredentialStore.Reason.EXPIRED_SESSION_TOKEN),
                chain.find("ASIAX", Optional.of("t"), now));
        assertEquals(new CredentialStore.Refused(CredentialStore.Reason.UNKNOWN_ACCESS_KEY),
                chain.find("AKIANOBODY", Optional.empty(), now));
    }
}
