package dev.trent.server.api;

import dev.trent.server.auth.Principal;
import dev.trent.server.policy.CallerFacts;
import dev.trent.server.policy.KmsActions;
import dev.trent.server.policy.KmsOperation;
import dev.trent.server.policy.PolicyPrincipal;
import dev.trent.server.service.AuthorizedRequest;
import dev.trent.server.service.KeyAuthorization;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Puts each request under authorization ({@code --auth enforce}): the caller's facts (the verified principal,
 * the Region, the source address, the server clock's time, TLS or not) and the request's members are bound to
 * the thread while the operation runs, so every key it resolves is judged by {@link KeyAuthorization}; the
 * permissions no key governs (CreateKey, ListKeys, the alias of CreateAlias, ...) are judged before it acts.
 */
public final class RequestAuthorization {

    /** Off and verify: operations run unjudged. */
    public static final RequestAuthorization NONE = new RequestAuthorization(null, null);

    /**
     * An account's role by name: its ARN, path included, or null when the account has no such role. A session's
     * ARN ({@code assumed-role/<name>/<session>}) shows the role's name only, while key policies, {@code
     * aws:PrincipalArn} and the role's identity policies know the role by its full ARN ({@code role/team/<name>}).
     */
    @FunctionalInterface
    public interface RoleArns {
        /** Roles known by name only, as if every role sat at the path {@code /}. */
        RoleArns AT_ROOT_PATH = (account, roleName) -> null;

        String of(String account, String roleName);
    }

    private final KeyAuthorization keys;
    private final Clock clock;
    private final RoleArns roles;

    public RequestAuthorization(KeyAuthorization keys, Clock clock) {
        this(keys, clock, RoleArns.AT_ROOT_PATH);
    }

    public RequestAuthorization(KeyAuthorization keys, Clock clock, RoleArns roles) {
        this.keys = keys;
        this.clock = clock;
        this.roles = roles;
    }

    /** Runs {@code work}, the operation {@code name} of {@code request}, as {@code context}'s caller may. */
    <T> T run(String name, JsonRequest request, RequestContext context, Supplier<T> work) {
        KmsOperation operation = KmsActions.operation(name);
        if (keys == null || operation == null || context.principal().isEmpty()) {
            return work.get();
        }
        Map<String, Object> members = request.members();
        CallerFacts caller = new CallerFacts(policyPrincipal(context.principal().get(), roles),
                context.scope().region(), context.sourceIp(), clock.instant(), context.secureTransport(), null);
        AuthorizedRequest authorized = new AuthorizedRequest(operation, members, caller, grantTokens(members));
        return authorized.during(() -> {
            keys.checkAccountLevel(authorized);
            return work.get();
        });
    }

    /** The caller as policies name it; a session's role is found by the role name its assumed-role ARN shows. */
    static PolicyPrincipal policyPrincipal(Principal principal, RoleArns roles) {
        return switch (principal.kind()) {
            case ROOT -> PolicyPrincipal.root(principal.account());
            case USER -> PolicyPrincipal.user(principal.account(), principal.arn(), principal.principalId(), Map.of());
            case ASSUMED_ROLE -> {
                String[] path = principal.arn().substring(principal.arn().indexOf(":assumed-role/")
                        + ":assumed-role/".length()).split("/", 2);
                String known = roles.of(principal.account(), path[0]);
                String roleArn = known != null ? known : "arn:aws:iam::" + principal.account() + ":role/" + path[0];
                yield PolicyPrincipal.session(principal.account(), roleArn, path.length > 1 ? path[1] : "",
                        principal.principalId(), Map.of());
            }
        };
    }

    private static List<String> grantTokens(Map<String, Object> members) {
        List<String> tokens = new ArrayList<>();
        if (members.get("GrantTokens") instanceof List<?> list) {
            for (Object token : list) {
                if (token instanceof String text) {
                    tokens.add(text);
                }
            }
        }
        return tokens;
    }
}
