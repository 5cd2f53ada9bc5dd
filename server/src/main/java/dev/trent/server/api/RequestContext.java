package dev.trent.server.api;

import dev.trent.server.key.Scope;

/**
 * Who is asking and where: the account and Region every key lookup is confined to, and the caller as the
 * lifecycle history names it (the access key and account).
 */
public record RequestContext(Scope scope, String requestId, String caller) {

    /** A request whose caller is known only by its account. */
    public RequestContext(Scope scope, String requestId) {
        this(scope, requestId, "account " + scope.account());
    }
}
