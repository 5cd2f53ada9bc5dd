package dev.trent.server.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.auth.Principal;

/**
 * CloudTrail's {@code userIdentity}: who made a call, from the principal whose signature was verified (the
 * account root when signatures are not checked) and the access key the request was signed with.
 *
 * @param accessKeyId null for an unsigned request
 */
public record UserIdentity(Principal principal, String accessKeyId) {

    /** The element as CloudTrail writes it: type, principalId, arn, accountId, accessKeyId and what the type adds. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", switch (principal.kind()) {
            case ROOT -> "Root";
            case USER -> "IAMUser";
            case ASSUMED_ROLE -> "AssumedRole";
        });
        node.put("principalId", principal.principalId());
        node.put("arn", principal.arn());
        node.put("accountId", principal.account());
        if (accessKeyId != null) {
            node.put("accessKeyId", accessKeyId);
        }
        switch (principal.kind()) {
            case USER -> node.put("userName", lastSegment(principal.arn()));
            case ASSUMED_ROLE -> node.set("sessionContext", sessionContext());
            default -> { }
        }
        return node;
    }

    /** The name LookupEvents matches {@code Username} against: the user, the role session, or "root". */
    public String userName() {
        return switch (principal.kind()) {
            case ROOT -> "root";
            case USER, ASSUMED_ROLE -> lastSegment(principal.arn());
        };
    }

    private ObjectNode sessionContext() {
        // arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION; the role's path is not part of a session ARN.
        String resource = principal.arn().substring(principal.arn().indexOf(":assumed-role/") + ":assumed-role/".length());
        String role = resource.substring(0, resource.indexOf('/'));
        String roleId = principal.principalId().contains(":")
                ? principal.principalId().substring(0, principal.principalId().indexOf(':')) : principal.principalId();
        ObjectNode issuer = JsonNodeFactory.instance.objectNode()
                .put("type", "Role")
                .put("principalId", roleId)
                .put("arn", "arn:aws:iam::" + principal.account() + ":role/" + role)
                .put("accountId", principal.account())
                .put("userName", role);
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.set("sessionIssuer", issuer);
        context.set("attributes", JsonNodeFactory.instance.objectNode().put("mfaAuthenticated", "false"));
        return context;
    }

    private static String lastSegment(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
