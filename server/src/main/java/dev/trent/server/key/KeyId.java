package dev.trent.server.key;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A KMS key id: a lower-case UUID, or {@code mrk-} and 32 hex digits for multi-Region keys. */
public record KeyId(String value) {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern MRK_FORM = Pattern.compile("mrk-[0-9a-f]{32}");

    public KeyId {
        if (!UUID_FORM.matcher(value).matches() && !MRK_FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a key id: " + value);
        }
    }

    /** A new multi-Region key id: {@code mrk-} and 32 lower-case hex digits. */
    public static KeyId randomMultiRegion() {
        return new KeyId("mrk-" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** Whether this is a multi-Region key id. */
    public boolean multiRegion() {
        return value.startsWith("mrk-");
    }

    public static KeyId random() {
        return new KeyId(UUID.randomUUID().toString());
    }

    /** The id when {@code text} has a key id's form; AWS compares ids case-insensitively. */
    public static Optional<KeyId> parse(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (UUID_FORM.matcher(lower).matches() || MRK_FORM.matcher(lower).matches()) {
            return Optional.of(new KeyId(lower));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
