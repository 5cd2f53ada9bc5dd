package dev.trent.pkcs11;

import dev.trent.pkcs11.Pkcs11Exception.Reason;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes one SunPKCS11 provider per opened token. The provider is never added to {@link Security}'s list: Trent
 * asks it by reference, so nothing else in the JVM picks the token up by accident.
 */
final class SunPkcs11Providers {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private SunPkcs11Providers() {
    }

    /**
     * A provider for the token in {@code slot}. Every AES key it generates is sensitive and non-extractable from
     * birth and can only encrypt and decrypt: no wrapping out other keys, no deriving new ones from it. After
     * logout the provider forgets the token, which closes its sessions.
     */
    static Provider forSlot(String library, long slot) {
        String config = String.join("\n",
                "name = Trent-" + COUNT.incrementAndGet(),
                "library = \"" + library + "\"",
                "slot = " + slot,
                "destroyTokenAfterLogout = true",
                "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {",
                "  CKA_SENSITIVE = true",
                "  CKA_EXTRACTABLE = false",
                "  CKA_ENCRYPT = true",
                "  CKA_DECRYPT = true",
                "  CKA_WRAP = false",
                "  CKA_UNWRAP = false",
                "  CKA_DERIVE = false",
                "}",
                "");
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new Pkcs11Exception(Reason.JAVA_RUNTIME, "this Java runtime has no SunPKCS11 provider");
        }
        try {
            // A leading "--" tells SunPKCS11 that the argument is the configuration itself, not a file name.
            return base.configure("--" + config);
        } catch (ProviderException | IllegalArgumentException e) {
            throw new Pkcs11Exception(Reason.TOKEN_FAILURE, "SunPKCS11 cannot use slot " + slot + " of " + library
                    + ": " + Cryptoki.describe(e), e);
        }
    }

    /**
     * Throws unless {@code library} can be written into a SunPKCS11 configuration unchanged. SunPKCS11 expands
     * {@code ${...}} and treats quotes and backslashes specially, and the JDK keeps one initialised library per
     * path string, so the path it reads must be exactly the one {@link Cryptoki} loaded.
     */
    static void requireConfigurable(String library) {
        for (char c : library.toCharArray()) {
            if (c == '"' || c == '\\' || c == '$' || Character.isISOControl(c)) {
                throw new Pkcs11Exception(Reason.LIBRARY_NOT_FOUND, "the PKCS#11 library path " + library
                        + " contains '" + (Character.isISOControl(c) ? "a control character" : c) + "', which SunPKCS11"
                        + " cannot read; use a path (or a symbolic link) without it");
            }
        }
    }
}
