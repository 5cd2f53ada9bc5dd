package dev.trent.server.iam.op;

import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamRole;
import dev.trent.server.iam.IamStore;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/**
 * DeleteRole: refused with DeleteConflict while policies remain. Sessions already issued keep working until they
 * expire, as in AWS.
 */
public final class DeleteRole implements QueryAction {

    private final IamStore store;

    public DeleteRole(IamStore store) {
        this.store = store;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String name = request.required("RoleName", 1, 64, Patterns.NAME);
        store.update(caller.account(), account -> {
            IamRole role = IamEntities.role(account, name);
            if (!role.inlinePolicies().isEmpty()) {
                throw QueryException.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!role.attached().isEmpty()) {
                throw QueryException.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            return new IamStore.Change<>(account.withoutRole(name), null);
        });
    }
}
