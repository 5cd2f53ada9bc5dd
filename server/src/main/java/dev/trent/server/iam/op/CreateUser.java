package dev.trent.server.iam.op;

import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamIds;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.IamUser;
import dev.trent.server.iam.IamXml;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** CreateUser: a new user with a fresh AIDA id; the name is unique in the account regardless of case. */
public final class CreateUser implements QueryAction {

    private final IamStore store;
    private final Clock clock;

    public CreateUser(IamStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String name = request.required("UserName", 1, 64, Patterns.NAME);
        String path = request.optional("Path", 1, 512, Patterns.PATH).orElse("/");
        Map<String, String> tags = request.tags("Tags");
        IamUser user = store.update(caller.account(), account -> {
            if (account.user(name).isPresent()) {
                throw QueryException.alreadyExists("User with name " + name + " already exists.");
            }
            IamUser created = new IamUser(name, path, IamIds.userId(),
                    IamEntities.arn(account.account(), "user", path, name), clock.instant(), tags, Map.of(),
                    List.of());
            return new IamStore.Change<>(account.withUser(created), created);
        });
        IamXml.user(result, user);
    }
}
