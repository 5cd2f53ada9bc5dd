package dev.trent.server.key;

import java.util.regex.Pattern;

/** An alias name, {@code alias/...}, valid by AWS's rules once built. */
public record AliasName(String value) {

    public static final String PREFIX = "alias/";
    public static final String RESERVED_PREFIX = "alias/aws/";
    private static final Pattern ALLOWED = Pattern.compile("alias/[a-zA-Z0-9/_-]+");

    public AliasName {
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("not an alias name: " + value);
        }
    }

    /** Whether {@code text} starts like an alias (the prefix is checked before the characters). */
    public static boolean hasPrefix(String text) {
        return text.startsWith(PREFIX);
    }

    /** Whether the characters after the prefix are ones AWS accepts. */
    public static boolean isWellFormed(String text) {
        return ALLOWED.matcher(text).matches();
    }

    public boolean isReserved() {
        return value.startsWith(RESERVED_PREFIX);
    }

    @Override
    public String toString() {
        return value;
    }
}
