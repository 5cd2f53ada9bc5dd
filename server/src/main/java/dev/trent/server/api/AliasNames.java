package dev.trent.server.api;

import dev.trent.server.error.InvalidAliasNameException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.AliasName;

/**
 * Reads AliasName with AWS's checks and messages, in AWS's order: the model's length and pattern (reported with
 * the request's other violations), then the prefix, then the characters an alias may have.
 */
public final class AliasNames {

    private AliasNames() {
    }

    /** The AliasName member as the model constrains it; {@link #check} it once the request is valid. */
    public static String member(JsonRequest request) {
        return request.requiredString("AliasName", 1, 256, ModelPatterns.ALIAS_NAME);
    }

    /** AWS's own checks on a name the model accepted. */
    public static AliasName check(String text) {
        if (!AliasName.hasPrefix(text)) {
            throw new ValidationException("Alias must start with the prefix \"alias/\". Please see "
                    + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        }
        if (!AliasName.isWellFormed(text)) {
            throw new ValidationException(text + " contains invalid characters for an alias");
        }
        return new AliasName(text);
    }

    /** Names under alias/aws/ belong to AWS managed keys; callers may not create or change them. */
    public static AliasName checkCustomerManaged(String text) {
        AliasName name = check(text);
        if (name.isReserved()) {
            throw new InvalidAliasNameException("Alias names beginning with alias/aws/ are reserved for AWS managed keys.");
        }
        return name;
    }
}
