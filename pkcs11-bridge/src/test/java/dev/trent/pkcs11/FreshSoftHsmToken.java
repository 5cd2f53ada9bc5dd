package dev.trent.pkcs11;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A SoftHSM2 token of each test's own, as a JUnit extension: {@code @RegisterExtension final FreshSoftHsmToken
 * softHsm = new FreshSoftHsmToken();} creates it before each test (skipping the test, with the reason, where
 * SoftHSM2 is not installed) and deletes it after.
 */
public final class FreshSoftHsmToken implements BeforeEachCallback, AfterEachCallback {

    private SoftHsmToken token;

    @Override
    public void beforeEach(ExtensionContext context) {
        token = SoftHsmToken.create();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (token != null) {
            token.close();
            token = null;
        }
    }

    /** Deletes this test's token and gives it a new one, with another label and PIN. */
    public void replace() {
        token.close();
        token = SoftHsmToken.create();
    }

    public SoftHsmToken token() {
        return token;
    }

    public String label() {
        return token.label();
    }

    public char[] pin() {
        return token.pin();
    }

    public String pinText() {
        return token.pinText();
    }

    public Path library() {
        return token.library();
    }

    public Path freshLibrary() {
        return token.freshLibrary();
    }
}
