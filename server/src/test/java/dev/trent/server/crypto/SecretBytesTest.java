package dev.trent.server.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Destroying secret bytes overwrites them and ends every later read. */
class SecretBytesTest {

    @Test
    void destroy_zeroesTheBytes_andRevealThenFails() {
        byte[] original = {1, 2, 3, 4};
        SecretBytes secret = SecretBytes.copyOf(original);
        assertArrayEquals(original, secret.reveal(SecretAccess.INSTANCE));
        assertFalse(secret.isDestroyed());
        assertFalse(secret.allZero());

        secret.destroy();

        assertTrue(secret.isDestroyed());
        assertTrue(secret.allZero(), "every byte overwritten");
        assertThrows(IllegalStateException.class, () -> secret.reveal(SecretAccess.INSTANCE));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, original, "the caller's array was copied, not taken");
    }
}
