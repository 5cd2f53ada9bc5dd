package dev.trent.server.seed;

import dev.trent.server.key.AliasName;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The values both seed formats share, read from their nodes with errors that say what was expected. */
final class SeedValues {

    private SeedValues() {
    }

    static KeyId keyId(SeedNode node) {
        String text = node.text("key id");
        return KeyId.parse(text.strip()).orElseThrow(() -> node.error("'" + text + "' is not a key id (a UUID such as "
                + "1234abcd-12ab-34cd-56ef-1234567890ab, or mrk- and 32 hex digits for a multi-Region key)"));
    }

    static String account(SeedNode node) {
        String text = node.text("account");
        if (!text.matches("\\d{12}")) {
            throw node.error("an account id is 12 digits, not '" + text + "'");
        }
        return text;
    }

    static String region(SeedNode node) {
        String text = node.text("region");
        if (!text.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw node.error("'" + text + "' is not a Region name such as us-east-1");
        }
        return text;
    }

    static AliasName alias(SeedNode node) {
        String text = node.text("alias name");
        if (text.startsWith(AliasName.RESERVED_PREFIX)) {
            throw node.error("alias names beginning with " + AliasName.RESERVED_PREFIX + " are reserved for AWS "
                    + "managed keys");
        }
        try {
            return new AliasName(text);
        } catch (IllegalArgumentException e) {
            throw node.error("'" + text + "' is not an alias name (alias/ followed by letters, digits, /, _ and -)");
        }
    }

    static KeySpec spec(SeedNode node) {
        KeySpec spec = named(node, KeySpec.class, "key spec");
        if (!spec.supported()) {
            throw node.error("key spec " + spec + " is not supported by this version of Trent");
        }
        return spec;
    }

    /** The given usage, checked against the spec; without one, the spec's only usage. */
    static KeyUsage usage(SeedNode node, KeySpec spec, SeedNode keyNode) {
        if (node == null) {
            List<KeyUsage> allowed = Arrays.stream(KeyUsage.values()).filter(spec::allows).toList();
            if (allowed.size() != 1) {
                throw keyNode.error("a " + spec + " key needs a key usage, one of " + allowed);
            }
            return allowed.get(0);
        }
        KeyUsage usage = named(node, KeyUsage.class, "key usage");
        if (!spec.allows(usage)) {
            throw node.error("key usage " + usage + " is not compatible with key spec " + spec);
        }
        return usage;
    }

    static Instant instant(SeedNode node) {
        String text = node.text("date");
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw node.error("'" + text + "' is not an ISO-8601 date and time with an offset, such as "
                    + "2030-01-31T00:00:00Z");
        }
    }

    static <E extends Enum<E>> E named(SeedNode node, Class<E> type, String what) {
        String text = node.text(what);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text.strip().toUpperCase(Locale.ROOT))
                    || constant.name().equals(text.strip())) {
                return constant;
            }
        }
        throw node.error("'" + text + "' is not a " + what + "; one of " + Arrays.toString(type.getEnumConstants()));
    }
}
