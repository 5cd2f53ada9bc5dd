package dev.trent.server.auth;

import java.util.Locale;

/**
 * How much Trent checks of who is calling ({@code serve --auth}).
 *
 * <p>{@link #OFF} takes every request and any signature, as local emulators do; the access key only picks the
 * account. {@link #VERIFY} requires a valid SigV4 signature from a known access key on every request.
 * {@link #ENFORCE} is {@code VERIFY} plus authorization: of every KMS operation by key policies, identity policies
 * and grants ({@code service.KeyAuthorization}), and of STS's AssumeRole by the role's trust policy.
 */
public enum AuthMode {
    OFF, VERIFY, ENFORCE;

    /** True when every request must carry a valid signature. */
    public boolean verifiesSignatures() {
        return this != OFF;
    }

    /** The mode an option value names: {@code off}, {@code verify} or {@code enforce}, in any case. */
    public static AuthMode parse(String value) {
        for (AuthMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("expected off, verify or enforce, got '" + value + "'");
    }

    /** The option value naming this mode. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
