package dev.trent.server.iam;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes the store hold what an IAM file describes, however often it runs: a user, role or managed policy that
 * exists keeps its id and creation date and takes the file's path, tags and policies; access keys from the file
 * are (re)stored with their secrets. What the file does not name is left alone.
 */
public final class IamSeedApplier {

    private final IamStore store;
    private final Clock clock;

    public IamSeedApplier(IamStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The number of users, roles and managed policies the file describes. */
    public int apply(IamSeed seed) {
        int count = 0;
        for (IamSeed.AccountSeed account : seed.accounts()) {
            store.update(account.account(), state -> new IamStore.Change<>(apply(state, account), null));
            count += account.users().size() + account.roles().size() + account.policies().size();
        }
        return count;
    }

    private IamAccount apply(IamAccount state, IamSeed.AccountSeed seed) {
        String account = seed.account();
        for (IamSeed.PolicySeed p : seed.policies()) {
            ManagedPolicy existing = state.policyNamed(p.name()).orElse(null);
            state = state.withPolicy(new ManagedPolicy(p.name(), p.path(),
                    existing != null ? existing.id() : IamIds.policyId(),
                    IamEntities.arn(account, "policy", p.path(), p.name()),
                    existing != null ? existing.created() : clock.instant(), p.document(), p.description(),
                    existing != null ? existing.tags() : Map.of()));
        }
        for (IamSeed.UserSeed u : seed.users()) {
            IamUser existing = state.user(u.name()).orElse(null);
            state = state.withUser(new IamUser(u.name(), u.path(), existing != null ? existing.id() : IamIds.userId(),
                    IamEntities.arn(account, "user", u.path(), u.name()),
                    existing != null ? existing.created() : clock.instant(), u.tags(), u.inlinePolicies(),
                    arns(state, u.attached())));
            for (IamSeed.KeySeed k : u.accessKeys()) {
                AccessKey key = state.accessKeys().get(k.accessKeyId());
                state = state.withAccessKey(new AccessKey(k.accessKeyId(), u.name(), k.secret(), true,
                        key != null ? key.created() : clock.instant()));
            }
        }
        for (IamSeed.RoleSeed r : seed.roles()) {
            IamRole existing = state.role(r.name()).orElse(null);
            state = state.withRole(new IamRole(r.name(), r.path(), existing != null ? existing.id() : IamIds.roleId(),
                    IamEntities.arn(account, "role", r.path(), r.name()),
                    existing != null ? existing.created() : clock.instant(), r.trustPolicy(), r.description(),
                    r.maxSessionDuration(), r.tags(), r.inlinePolicies(), arns(state, r.attached())));
        }
        return state;
    }

    private static List<String> arns(IamAccount state, List<String> names) {
        List<String> arns = new ArrayList<>();
        for (String name : names) {
            arns.add(state.policyNamed(name).orElseThrow().arn());
        }
        return arns;
    }
}
