package dev.trent.server.policy;

/**
 * One permission an operation needs: the action ({@code kms:ReEncryptFrom}) on a target. Key targets are
 * governed by the key's policy; alias and account targets by identity policies alone. {@code onlyWithMember}
 * names the request member that makes the permission necessary (CreateKey needs kms:TagResource only with Tags),
 * or is null when it is always needed.
 */
public record KmsPermission(String action, PermissionTarget target, String onlyWithMember) {

    public boolean keyPolicyApplies() {
        return target == PermissionTarget.KEY || target == PermissionTarget.SECOND_KEY;
    }
}
