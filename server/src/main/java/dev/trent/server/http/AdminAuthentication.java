package dev.trent.server.http;

import dev.trent.server.admin.AdminResponse;
import dev.trent.server.auth.AuthMode;
import dev.trent.server.auth.AuthenticationException;
import dev.trent.server.auth.Principal;
import dev.trent.server.auth.SigV4Verifier;
import dev.trent.server.auth.SignedRequest;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the admin API. With {@code --auth off}, anyone who can connect (as before). Otherwise only
 * requests SigV4-signed by an account's root credentials, for any Region and service name, except the health
 * endpoints, which monitors and container health checks call without credentials.
 */
public final class AdminAuthentication {

    /** Paths that answer without a signature in every mode. */
    static final Set<String> OPEN_PATHS = Set.of("/_trent/health", "/_localstack/health");

    private final AuthMode mode;
    private final SigV4Verifier verifier;

    /**
     * @param verifier the verifier; ignored (and may be null) when {@code mode} is {@link AuthMode#OFF}
     */
    public AdminAuthentication(AuthMode mode, SigV4Verifier verifier) {
        if (mode.verifiesSignatures() && verifier == null) {
            throw new IllegalArgumentException("--auth " + mode.optionValue() + " needs a verifier");
        }
        this.mode = mode;
        this.verifier = verifier;
    }

    public static AdminAuthentication off() {
        return new AdminAuthentication(AuthMode.OFF, null);
    }

    /**
     * Who sent {@code request}, which {@link #refusal} let through: the verified root, or with {@code --auth off}
     * the root of {@code account}.
     */
    Principal caller(SignedRequest request, String account) {
        if (!mode.verifiesSignatures() || OPEN_PATHS.contains(request.rawPath())) {
            return Principal.root(account);
        }
        return verifier.verify(request).principal();
    }

    /** The refusal to answer instead of running {@code request}, or empty when it may run. */
    Optional<AdminResponse> refusal(SignedRequest request) {
        if (!mode.verifiesSignatures() || OPEN_PATHS.contains(request.rawPath())) {
            return Optional.empty();
        }
        try {
            SigV4Verifier.Verified verified = verifier.verify(request);
            if (!verified.principal().isRoot()) {
                return Optional.of(AdminResponse.error(403, "AccessDeniedException", "The admin API takes only"
                        + " requests signed with an account's root credentials; " + verified.principal().arn()
                        + " is not an account root."));
            }
            return Optional.empty();
        } catch (AuthenticationException e) {
            return Optional.of(AdminResponse.error(403, e.failure().jsonType(), e.getMessage()));
        }
    }
}
