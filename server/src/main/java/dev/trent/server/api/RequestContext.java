package dev.trent.server.api;

import dev.trent.server.auth.Principal;
import dev.trent.server.key.Scope;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking and where: the account and Region every key lookup is confined to, the caller as the
 * lifecycle history names it (the access key and account), and the principal whose signature was verified
 * (empty with {@code --auth off}, where signatures are not checked).
 */
public record RequestContext(Scope scope, String requestId, String caller, Optional<Principal> principal) {

    public RequestContext {
        Objects.requireNonNull(principal);
    }

    /** A request whose signature was not verified. */
    public RequestContext(Scope scope, String requestId, String caller) {
        this(scope, requestId, caller, Optional.empty());
    }

    /** A request whose caller is known only by its account. */
    public RequestContext(Scope scope, String requestId) {
        this(scope, requestId, "account " + scope.account());
    }
}
