package dev.trent.server.app;

import dev.trent.pkcs11.Pkcs11Labels;
import dev.trent.pkcs11.Pkcs11RootOfTrust;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a PKCS#11 root of trust lives: the PKCS#11 library, the label of the token and the label of the AES key in
 * it. Nothing secret; the PIN is kept apart, in {@link TrentConfig}.
 */
public record Pkcs11Root(Path library, String tokenLabel, String keyLabel) {

    /** @throws IllegalArgumentException if a label cannot be a token or key label */
    public Pkcs11Root {
        Objects.requireNonNull(library, "library");
        Pkcs11Labels.requireTokenLabel(tokenLabel);
        Pkcs11Labels.requireKeyLabel(keyLabel);
    }

    /** The key under its default label, {@value Pkcs11RootOfTrust#DEFAULT_KEY_LABEL}. */
    public Pkcs11Root(Path library, String tokenLabel) {
        this(library, tokenLabel, Pkcs11RootOfTrust.DEFAULT_KEY_LABEL);
    }
}
