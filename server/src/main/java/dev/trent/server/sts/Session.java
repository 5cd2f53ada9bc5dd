package dev.trent.server.sts;

import dev.trent.server.auth.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Temporary credentials STS issued: the ASIA access key, who they act as, until when, and for an assumed role
 * the role's ARN, the session policy that caps it and the session tags.
 *
 * @param roleArn null for GetSessionToken's sessions, which act as the user (or root) that asked for them
 */
public record Session(String accessKeyId, Principal principal, String roleArn, Instant expiration,
                      Optional<String> policy, Map<String, String> tags) {

    public Session {
        Objects.requireNonNull(accessKeyId);
        Objects.requireNonNull(principal);
        Objects.requireNonNull(expiration);
        policy = policy == null ? Optional.empty() : policy;
        tags = Map.copyOf(tags);
    }

    /** The role session's name: the last part of {@code arn:aws:sts::<acct>:assumed-role/<role>/<session>}. */
    public Optional<String> sessionName() {
        return roleArn == null ? Optional.empty()
                : Optional.of(principal.arn().substring(principal.arn().lastIndexOf('/') + 1));
    }
}
