package dev.trent.server.iam;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an IAM file ({@code serve --iam}) describes, already checked: per account, root access keys, users with
 * their access keys, roles, managed policies, inline policies and attachments (by managed policy name).
 */
public record IamSeed(Path file, List<AccountSeed> accounts) {

    public IamSeed {
        accounts = List.copyOf(accounts);
    }

    /** One account's part of the file. */
    public record AccountSeed(String account, List<KeySeed> rootKeys, List<UserSeed> users, List<RoleSeed> roles,
                              List<PolicySeed> policies) {
    }

    /** An access key with its secret. */
    public record KeySeed(String accessKeyId, String secret) {
        @Override
        public String toString() {
            return "KeySeed[" + accessKeyId + "]";
        }
    }

    public record UserSeed(String name, String path, Map<String, String> tags, List<KeySeed> accessKeys,
                           Map<String, String> inlinePolicies, List<String> attached) {
    }

    public record RoleSeed(String name, String path, String trustPolicy, String description,
                           int maxSessionDuration, Map<String, String> tags, Map<String, String> inlinePolicies,
                           List<String> attached) {
    }

    public record PolicySeed(String name, String path, String document, String description) {
    }
}
