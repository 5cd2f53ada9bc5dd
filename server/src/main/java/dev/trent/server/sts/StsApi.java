package dev.trent.server.sts;

import dev.trent.server.auth.AuthMode;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.IdentityPolicies;
import dev.trent.server.policy.Authorizer;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryService;
import dev.trent.server.sts.op.AssumeRole;
import dev.trent.server.sts.op.GetCallerIdentity;
import dev.trent.server.sts.op.GetSessionToken;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The STS API Trent answers: an explicit map from Action to the class that performs it. */
public final class StsApi {

    public static final String SERVICE = "sts";
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    public static final String VERSION = "2011-06-15";

    private StsApi() {
    }

    public static QueryService create(IamStore store, SessionTokens tokens, Authorizer authorizer, Clock clock,
                                      AuthMode mode) {
        Map<String, QueryAction> actions = new LinkedHashMap<>();
        actions.put("GetCallerIdentity", new GetCallerIdentity());
        actions.put("AssumeRole", new AssumeRole(store, new IdentityPolicies(store), authorizer, tokens, clock,
                mode));
        actions.put("GetSessionToken", new GetSessionToken(tokens, clock));
        return new QueryService(SERVICE, NAMESPACE, VERSION, actions);
    }
}
