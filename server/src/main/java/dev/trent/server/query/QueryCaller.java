package dev.trent.server.query;

import dev.trent.server.auth.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * Who an IAM or STS request comes from: the principal it acts as (the account root of its access key when
 * signatures are not checked), the Region it was signed for, and the session token it carried.
 */
public record QueryCaller(Principal principal, String region, String accessKeyId, Optional<String> sessionToken) {

    public QueryCaller {
        Objects.requireNonNull(principal);
        Objects.requireNonNull(region);
        sessionToken = sessionToken == null ? Optional.empty() : sessionToken;
    }

    public String account() {
        return principal.account();
    }
}
