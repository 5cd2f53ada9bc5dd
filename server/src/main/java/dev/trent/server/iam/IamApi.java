package dev.trent.server.iam;

import dev.trent.server.iam.op.AttachRolePolicy;
import dev.trent.server.iam.op.AttachUserPolicy;
import dev.trent.server.iam.op.CreateAccessKey;
import dev.trent.server.iam.op.CreatePolicy;
import dev.trent.server.iam.op.CreateRole;
import dev.trent.server.iam.op.CreateUser;
import dev.trent.server.iam.op.DeleteAccessKey;
import dev.trent.server.iam.op.DeletePolicy;
import dev.trent.server.iam.op.DeleteRole;
import dev.trent.server.iam.op.DeleteRolePolicy;
import dev.trent.server.iam.op.DeleteUser;
import dev.trent.server.iam.op.DeleteUserPolicy;
import dev.trent.server.iam.op.DetachRolePolicy;
import dev.trent.server.iam.op.DetachUserPolicy;
import dev.trent.server.iam.op.GetPolicy;
import dev.trent.server.iam.op.GetPolicyVersion;
import dev.trent.server.iam.op.GetRole;
import dev.trent.server.iam.op.GetRolePolicy;
import dev.trent.server.iam.op.GetUser;
import dev.trent.server.iam.op.GetUserPolicy;
import dev.trent.server.iam.op.ListAccessKeys;
import dev.trent.server.iam.op.ListAttachedRolePolicies;
import dev.trent.server.iam.op.ListAttachedUserPolicies;
import dev.trent.server.iam.op.PutRolePolicy;
import dev.trent.server.iam.op.PutUserPolicy;
import dev.trent.server.iam.op.SimulatePrincipalPolicy;
import dev.trent.server.iam.op.TagRole;
import dev.trent.server.iam.op.TagUser;
import dev.trent.server.iam.op.UpdateAssumeRolePolicy;
import dev.trent.server.policy.Authorizer;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The IAM API Trent answers: an explicit map from Action to the class that performs it. */
public final class IamApi {

    public static final String SERVICE = "iam";
    public static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    public static final String VERSION = "2010-05-08";

    private IamApi() {
    }

    public static QueryService create(IamStore store, Clock clock, Authorizer authorizer) {
        Map<String, QueryAction> actions = new LinkedHashMap<>();
        actions.put("CreateUser", new CreateUser(store, clock));
        actions.put("GetUser", new GetUser(store));
        actions.put("DeleteUser", new DeleteUser(store));
        actions.put("TagUser", new TagUser(store));
        actions.put("CreateAccessKey", new CreateAccessKey(store, clock));
        actions.put("DeleteAccessKey", new DeleteAccessKey(store));
        actions.put("ListAccessKeys", new ListAccessKeys(store));
        actions.put("CreateRole", new CreateRole(store, clock));
        actions.put("GetRole", new GetRole(store));
        actions.put("DeleteRole", new DeleteRole(store));
        actions.put("TagRole", new TagRole(store));
        actions.put("UpdateAssumeRolePolicy", new UpdateAssumeRolePolicy(store));
        actions.put("PutUserPolicy", new PutUserPolicy(store));
        actions.put("GetUserPolicy", new GetUserPolicy(store));
        actions.put("DeleteUserPolicy", new DeleteUserPolicy(store));
        actions.put("PutRolePolicy", new PutRolePolicy(store));
        actions.put("GetRolePolicy", new GetRolePolicy(store));
        actions.put("DeleteRolePolicy", new DeleteRolePolicy(store));
        actions.put("CreatePolicy", new CreatePolicy(store, clock));
        actions.put("GetPolicy", new GetPolicy(store));
        actions.put("GetPolicyVersion", new GetPolicyVersion(store));
        actions.put("DeletePolicy", new DeletePolicy(store));
        actions.put("AttachUserPolicy", new AttachUserPolicy(store));
        actions.put("DetachUserPolicy", new DetachUserPolicy(store));
        actions.put("ListAttachedUserPolicies", new ListAttachedUserPolicies(store));
        actions.put("AttachRolePolicy", new AttachRolePolicy(store));
        actions.put("DetachRolePolicy", new DetachRolePolicy(store));
        actions.put("ListAttachedRolePolicies", new ListAttachedRolePolicies(store));
        actions.put("SimulatePrincipalPolicy", new SimulatePrincipalPolicy(new IdentityPolicies(store), authorizer));
        return new QueryService(SERVICE, NAMESPACE, VERSION, actions);
    }
}
