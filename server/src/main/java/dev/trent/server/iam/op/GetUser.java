package dev.trent.server.iam.op;

import dev.trent.server.auth.Principal;
import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.IamUser;
import dev.trent.server.iam.IamXml;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;
import java.time.Instant;
import java.util.Optional;

/**
 * GetUser: the named user, or without a name the caller itself: a user sees itself, the root user sees the
 * account's root as IAM shows it (UserId and ARN of the root, no name).
 */
public final class GetUser implements QueryAction {

    private final IamStore store;

    public GetUser(IamStore store) {
        this.store = store;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        Optional<String> name = request.optional("UserName", 1, 128, Patterns.NAME);
        if (name.isPresent()) {
            IamXml.user(result, IamEntities.user(store.account(caller.account()), name.get()));
            return;
        }
        Principal principal = caller.principal();
        if (principal.kind() == Principal.Kind.USER) {
            String userName = principal.arn().substring(principal.arn().lastIndexOf('/') + 1);
            IamXml.user(result, IamEntities.user(store.account(caller.account()), userName));
            return;
        }
        if (principal.isRoot()) {
            result.start("User").element("UserId", principal.account()).element("Arn", principal.arn())
                    .element("CreateDate", Instant.EPOCH).end();
            return;
        }
        throw QueryException.validation("Must specify userName when calling with non-User credentials");
    }
}
