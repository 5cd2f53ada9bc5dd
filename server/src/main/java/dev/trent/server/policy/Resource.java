package dev.trent.server.policy;

import java.util.Objects;

/**
 * What a request acts on: a key or alias ARN, or, for account-level actions (CreateKey, ListKeys, ...), the
 * account and Region, which policies can name as {@code *} or {@code arn:aws:kms:<region>:<account>:*} and which
 * AWS's messages show as {@code *}. {@code account} owns the resource, deciding whether use is cross-account.
 */
public record Resource(String arn, String account, String shown) {

    public Resource {
        Objects.requireNonNull(arn);
        Objects.requireNonNull(account);
        Objects.requireNonNull(shown);
    }

    /** A KMS key or alias, by its ARN ({@code arn:aws:kms:<region>:<account>:key/<id>}). */
    public static Resource of(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6) {
            throw new IllegalArgumentException("not an ARN: " + arn);
        }
        return new Resource(arn, parts[4], arn);
    }

    /** No particular key or alias: the account and Region the request is made in. */
    public static Resource account(String region, String account) {
        return new Resource("arn:aws:kms:" + region + ":" + account + ":*", account, "*");
    }
}
