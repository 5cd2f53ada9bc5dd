package dev.trent.server.api;

import dev.trent.server.error.InvalidAliasNameException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.AliasName;

/** Reads AliasName with AWS's checks and messages, in AWS's order: length, prefix, characters. */
public final class AliasNames {

    private AliasNames() {
    }

    public static AliasName read(JsonRequest request) {
        String text = request.requiredString("AliasName", 1, 256);
        request.validate();
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
    public static AliasName readCustomerManaged(JsonRequest request) {
        AliasName name = read(request);
        if (name.isReserved()) {
            throw new InvalidAliasNameException("Alias names beginning with alias/aws/ are reserved for AWS managed keys.");
        }
        return name;
    }
}
