package dev.trent.server.key;

import java.time.Instant;

/** An alias: a friendly name in one scope pointing at one key of the same scope. */
public record Alias(Scope scope, AliasName name, KeyId target, Instant created, Instant lastUpdated) {

    public String arn() {
        return scope.aliasArn(name);
    }

    public Alias pointingAt(KeyId newTarget, Instant when) {
        return new Alias(scope, name, newTarget, created, when);
    }
}
