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
 * requests SigV4-signed, for any Region and service name, by an account's root credentials or by a configured
 * admin principal (an IAM user, or a role whose sessions then qualify), except the health endpoints, which
 * monitors and container health checks call without credentials.
 */
public final class AdminAuthentication {

    /** Paths that answer without a signature in every mode. */
    static final Set<String> OPEN_PATHS = Set.of("/_trent/health", "/_localstack/health");

    private final AuthMode mode;
    private final SigV4Verifier verifier;
    private final Set<String> adminPrincipals;

    /**
     * @param verifier the verifier; ignored (and may be null) when {@code mode} is {@link AuthMode#OFF}
     */
    public AdminAuthentication(AuthMode mode, SigV4Verifier verifier) {
        this(mode, verifier, Set.of());
    }

    /**
     * @param adminPrincipals ARNs of IAM users ({@code arn:aws:iam::<account>:user/<name>}) and roles
     *                        ({@code arn:aws:iam::<account>:role/<name>}) that may use the admin API besides roots
     */
    public AdminAuthentication(AuthMode mode, SigV4Verifier verifier, Set<String> adminPrincipals) {
        if (mode.verifiesSignatures() && verifier == null) {
            throw new IllegalArgumentException("--auth " + mode.optionValue() + " needs a verifier");
        }
        this.mode = mode;
        this.verifier = verifier;
        this.adminPrincipals = Set.copyOf(adminPrincipals);
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
            Principal principal = verified.principal();
            if (!principal.isRoot() && !isAdmin(principal)) {
                return Optional.of(AdminResponse.error(403, "AccessDeniedException", "The admin API takes only"
                        + " requests signed with an account's root credentials or an admin principal's; "
                        + principal.arn() + " is neither."));
            }
            return Optional.empty();
        } catch (AuthenticationException e) {
            return Optional.of(AdminResponse.error(403, e.failure().jsonType(), e.getMessage()));
        }
    }

    /** A listed user, or a session of a listed role (named by account and role name, as a session's ARN is). */
    private boolean isAdmin(Principal principal) {
        return switch (principal.kind()) {
            case USER -> adminPrincipals.contains(principal.arn());
            case ASSUMED_ROLE -> {
                String[] path = principal.arn().split(":assumed-role/", 2)[1].split("/", 2);
                String prefix = "arn:aws:iam::" + principal.account() + ":role/";
                yield adminPrincipals.stream().anyMatch(arn -> arn.startsWith(prefix)
                        && arn.substring(arn.lastIndexOf('/') + 1).equals(path[0]));
            }
            case ROOT -> true;
        };
    }
}
