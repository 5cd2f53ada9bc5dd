package dev.trent.server.iam.op;

import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.IamUser;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** DeleteUser: refused with DeleteConflict while the user still has access keys or policies, as IAM does. */
public final class DeleteUser implements QueryAction {

    private final IamStore store;

    public DeleteUser(IamStore store) {
        this.store = store;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String name = request.required("UserName", 1, 128, Patterns.NAME);
        store.update(caller.account(), account -> {
            IamUser user = IamEntities.user(account, name);
            if (account.accessKeys().values().stream().anyMatch(k -> k.userName().equals(user.name()))) {
                throw QueryException.deleteConflict("Cannot delete entity, must delete access keys first.");
            }
            if (!user.inlinePolicies().isEmpty()) {
                throw QueryException.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!user.attached().isEmpty()) {
                throw QueryException.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            return new IamStore.Change<>(account.withoutUser(name), null);
        });
    }
}
