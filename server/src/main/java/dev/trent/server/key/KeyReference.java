package dev.trent.server.key;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a caller's {@code KeyId} member names, in one of the four forms AWS accepts: key id, key ARN, alias
 * name or alias ARN. Parsing never looks anything up; resolving is the key service's job.
 */
public sealed interface KeyReference {

    /** The text as the caller sent it, for error messages. */
    String text();

    record ById(String text, KeyId id) implements KeyReference {
    }

    record ByKeyArn(String text, String region, String account, KeyId id) implements KeyReference {
    }

    record ByAliasName(String text, AliasName alias) implements KeyReference {
    }

    record ByAliasArn(String text, String region, String account, AliasName alias) implements KeyReference {
    }

    /** Text that has none of the four forms. */
    record Malformed(String text) implements KeyReference {
    }

    Pattern ARN = Pattern.compile("arn:aws[a-z-]*:kms:([a-z0-9-]+):(\\d{12}):(key/.+|alias/.+)");

    static KeyReference parse(String text) {
        Matcher arn = ARN.matcher(text);
        if (arn.matches()) {
            String region = arn.group(1);
            String account = arn.group(2);
            String resource = arn.group(3);
            if (resource.startsWith("key/")) {
                Optional<KeyId> id = KeyId.parse(resource.substring(4));
                return id.<KeyReference>map(k -> new ByKeyArn(text, region, account, k)).orElse(new Malformed(text));
            }
            return AliasName.isWellFormed(resource)
                    ? new ByAliasArn(text, region, account, new AliasName(resource))
                    : new Malformed(text);
        }
        if (AliasName.hasPrefix(text)) {
            return AliasName.isWellFormed(text) ? new ByAliasName(text, new AliasName(text)) : new Malformed(text);
        }
        return KeyId.parse(text).<KeyReference>map(id -> new ById(text, id)).orElse(new Malformed(text));
    }

    default boolean isAlias() {
        return this instanceof ByAliasName || this instanceof ByAliasArn;
    }
}
