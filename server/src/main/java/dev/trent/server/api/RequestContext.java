package dev.trent.server.api;

import dev.trent.server.key.Scope;

/** Who is asking and where: the account and Region every key lookup is confined to. */
public record RequestContext(Scope scope, String requestId) {
}
