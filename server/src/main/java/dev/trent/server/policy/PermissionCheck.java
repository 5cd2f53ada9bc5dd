package dev.trent.server.policy;

/**
 * One permission of a request made concrete: the question to put to {@link KmsAuthorizer}, and for key targets
 * the key whose policy and grants apply ({@code key} is null for alias and account targets).
 */
public record PermissionCheck(KmsPermission permission, AuthorizationRequest request, KeyFacts key) {
}
