package dev.trent.server.key;

/** The account and Region a key or alias lives in; keys of one scope are invisible from another. */
public record Scope(String account, String region) {

    public String keyArn(KeyId id) {
        return "arn:aws:kms:" + region + ":" + account + ":key/" + id.value();
    }

    public String aliasArn(AliasName alias) {
        return "arn:aws:kms:" + region + ":" + account + ":" + alias.value();
    }
}
