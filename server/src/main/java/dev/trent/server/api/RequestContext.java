package dev.trent.server.api;

import dev.trent.server.auth.Principal;
import dev.trent.server.key.Scope;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking and where: the account and Region every key lookup is confined to, the caller as the
 * lifecycle history names it (the access key and account), the principal whose signature was verified
 * (empty with {@code --auth off}, where signatures are not checked), and the connection the request came
 * over, which policies may ask about ({@code aws:SourceIp}, {@code aws:SecureTransport}; the address is null
 * when unknown).
 */
public record RequestContext(Scope scope, String requestId, String caller, Optional<Principal> principal,
        String sourceIp, boolean secureTransport) {

    public RequestContext {
        Objects.requireNonNull(principal);
    }

    /** A request from a connection of unknown address. */
    public RequestContext(Scope scope, String requestId, String caller, Optional<Principal> principal) {
        this(scope, requestId, caller, principal, null, false);
    }

    /** A request whose signature was not verified. */
    public RequestContext(Scope scope, String requestId, String caller) {
        this(scope, requestId, caller, Optional.empty());
    }

    /** A request whose caller is known only by its account. */
    public RequestContext(Scope scope, String requestId) {
        this(scope, requestId, "account " + scope.account());
    }

    /** This request as it arrived over a connection from {@code sourceIp}, with or without TLS. */
    public RequestContext from(String sourceIp, boolean secureTransport) {
        return new RequestContext(scope, requestId, caller, principal, sourceIp, secureTransport);
    }
}
