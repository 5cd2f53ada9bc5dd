package dev.trent.server.iam;

import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Put*Policy, Get*Policy and Delete*Policy do, for users and roles alike. An inline policy's text is kept
 * as given and returned URL-encoded.
 */
public final class InlinePolicies {

    private final IamStore store;
    private final Holder holder;

    public InlinePolicies(IamStore store, Holder holder) {
        this.store = store;
        this.holder = holder;
    }

    public void put(QueryRequest request, String account) {
        String name = holderName(request);
        String policyName = request.required("PolicyName", 1, 128, Patterns.NAME);
        String document = request.required("PolicyDocument", 1, 131072, Patterns.POLICY_DOCUMENT);
        IamPolicies.identityPolicy(document);
        store.update(account, state -> {
            Map<String, String> policies = new LinkedHashMap<>(holder.inlinePolicies(state, name));
            policies.put(policyName, document);
            return new IamStore.Change<>(holder.withInlinePolicies(state, name, policies), null);
        });
    }

    public void get(QueryRequest request, String account, Xml result) {
        String name = holderName(request);
        String policyName = request.required("PolicyName", 1, 128, Patterns.NAME);
        IamAccount state = store.account(account);
        String document = holder.inlinePolicies(state, name).get(policyName);
        if (document == null) {
            throw holder.noSuchPolicy(policyName);
        }
        result.element(holder.resultMember(), holder.storedName(state, name)).element("PolicyName", policyName)
                .element("PolicyDocument", IamXml.encoded(document));
    }

    public void delete(QueryRequest request, String account) {
        String name = holderName(request);
        String policyName = request.required("PolicyName", 1, 128, Patterns.NAME);
        store.update(account, state -> {
            Map<String, String> policies = new LinkedHashMap<>(holder.inlinePolicies(state, name));
            if (policies.remove(policyName) == null) {
                throw holder.noSuchPolicy(policyName);
            }
            return new IamStore.Change<>(holder.withInlinePolicies(state, name, policies), null);
        });
    }

    private String holderName(QueryRequest request) {
        return request.required(holder.member(), 1, holder.maxNameLength(), Patterns.NAME);
    }
}
