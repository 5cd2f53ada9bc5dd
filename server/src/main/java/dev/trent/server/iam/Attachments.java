package dev.trent.server.iam;

import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;
import java.util.ArrayList;
import java.util.List;

/**
 * What Attach*Policy, Detach*Policy and ListAttached*Policies do, for users and roles alike. Attaching twice
 * changes nothing; detaching a policy that is not attached is NoSuchEntity.
 */
public final class Attachments {

    /** IAM's default quota of managed policies attached to one user or role. */
    static final int MAX_ATTACHED = 10;

    private final IamStore store;
    private final Holder holder;

    public Attachments(IamStore store, Holder holder) {
        this.store = store;
        this.holder = holder;
    }

    public void attach(QueryRequest request, String account) {
        String name = request.required(holder.member(), 1, holder.maxNameLength(), Patterns.NAME);
        String arn = request.required("PolicyArn", 20, 2048, null);
        store.update(account, state -> {
            List<String> attached = new ArrayList<>(holder.attached(state, name));
            IamEntities.policy(state, arn);
            if (!attached.contains(arn)) {
                if (attached.size() >= MAX_ATTACHED) {
                    throw QueryException.limitExceeded("Cannot exceed quota for PoliciesPer"
                            + (holder == Holder.USER ? "User" : "Role") + ": " + MAX_ATTACHED);
                }
                attached.add(arn);
            }
            return new IamStore.Change<>(holder.withAttached(state, name, attached), null);
        });
    }

    public void detach(QueryRequest request, String account) {
        String name = request.required(holder.member(), 1, holder.maxNameLength(), Patterns.NAME);
        String arn = request.required("PolicyArn", 20, 2048, null);
        store.update(account, state -> {
            List<String> attached = new ArrayList<>(holder.attached(state, name));
            if (!attached.remove(arn)) {
                throw QueryException.noSuchEntity("Policy " + arn + " was not found.");
            }
            return new IamStore.Change<>(holder.withAttached(state, name, attached), null);
        });
    }

    public void list(QueryRequest request, String account, Xml result) {
        String name = request.required(holder.member(), 1, holder.maxNameLength(), Patterns.NAME);
        String prefix = request.optional("PathPrefix", 1, 512, Patterns.POLICY_PATH).orElse("/");
        request.integer("MaxItems", 1, 1000);
        IamAccount state = store.account(account);
        result.start("AttachedPolicies");
        for (String arn : holder.attached(state, name)) {
            state.policy(arn).filter(p -> p.path().startsWith(prefix)).ifPresent(p ->
                    result.start("member").element("PolicyName", p.name()).element("PolicyArn", p.arn()).end());
        }
        result.end().element("IsTruncated", false);
    }
}
