package dev.trent.server.api;

import dev.trent.server.policy.CallerFacts;
import dev.trent.server.policy.KmsActions;
import dev.trent.server.policy.KmsOperation;
import dev.trent.server.service.AuthorizedRequest;
import dev.trent.server.service.IdentityPolicies;
import dev.trent.server.service.KeyAuthorization;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

    private final KeyAuthorization keys;
    private final Clock clock;

    public RequestAuthorization(KeyAuthorization keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Runs {@code work}, the operation {@code name} of {@code request}, as {@code context}'s caller may. */
    <T> T run(String name, JsonRequest request, RequestContext context, Supplier<T> work) {
        KmsOperation operation = KmsActions.operation(name);
        if (keys == null || operation == null || context.principal().isEmpty()) {
            return work.get();
        }
        IdentityPolicies.Caller policies = keys.caller(context.principal().get());
        CallerFacts caller = new CallerFacts(policies.principal(), context.scope().region(), context.sourceIp(),
                clock.instant(), context.secureTransport(), null);
        AuthorizedRequest authorized = new AuthorizedRequest(operation, request::member, request::members, caller,
                policies, grantTokens(request.member("GrantTokens")));
        return authorized.during(() -> {
            keys.checkAccountLevel(authorized);
            return work.get();
        });
    }

    private static List<String> grantTokens(Object member) {
        List<String> tokens = new ArrayList<>();
        if (member instanceof List<?> list) {
            for (Object token : list) {
                if (token instanceof String text) {
                    tokens.add(text);
                }
            }
        }
        return tokens;
    }
}
