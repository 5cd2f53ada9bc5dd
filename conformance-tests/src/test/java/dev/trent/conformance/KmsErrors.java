package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Assertions on KMS error responses as the SDK surfaces them: the exception class (modelled errors), the wire
 * error code ({@code __type}), the HTTP status (real KMS answers 400 for every client error) and the message.
 */
final class KmsErrors {

    /** For errors that AWS sends without any message (InvalidCiphertext, KMSInvalidSignature). */
    static final String NO_MESSAGE = null;

    private KmsErrors() {
    }

    /** A modelled error: exact SDK exception class, its wire code, status 400 and the exact message. */
    static <T extends KmsException> T assertKmsError(Class<T> type, String message, Executable call) {
        KmsException e = assertClientError(call);
        assertEquals(describe(wireCode(type), message), describe(e), "error returned by the server");
        assertEquals(type, e.getClass(), "SDK exception class");
        return type.cast(e);
    }

    /** A modelled error whose message AWS has not published: class, code and status only. */
    static <T extends KmsException> T assertKmsErrorType(Class<T> type, Executable call) {
        KmsException e = assertClientError(call);
        assertEquals(wireCode(type), e.awsErrorDetails().errorCode(), () -> "error returned: " + describe(e));
        assertEquals(type, e.getClass(), "SDK exception class");
        return type.cast(e);
    }

    /** An error the KMS model does not declare (ValidationException, AccessDeniedException, ...). */
    static KmsException assertUnmodeledError(String errorCode, String message, Executable call) {
        KmsException e = assertClientError(call);
        assertEquals(describe(errorCode, message), describe(e), "error returned by the server");
        return e;
    }

    /** An undeclared error whose message AWS has not published: code and status only. */
    static KmsException assertUnmodeledErrorCode(String errorCode, Executable call) {
        KmsException e = assertClientError(call);
        assertEquals(errorCode, e.awsErrorDetails().errorCode(), () -> "error returned: " + describe(e));
        return e;
    }

    /** Any KMS client error (HTTP 400); used where AWS documents a rejection but not its shape. */
    static KmsException assertClientError(Executable call) {
        KmsException e = assertThrows(KmsException.class, call, "the server accepted a request KMS rejects");
        if (e.awsErrorDetails() == null) {
            fail("no AWS error details in " + e);
        }
        assertEquals(400, e.statusCode(), () -> "HTTP status of " + describe(e));
        return e;
    }

    /**
     * The SDK names classes {@code Kms...}; on the wire KMS spells the prefix {@code KMS...}. The SDK also
     * spells CustomKeyStoreHasCMKsException {@code CustomKeyStoreHasCmKsException}.
     */
    static String wireCode(Class<? extends KmsException> type) {
        String name = type.getSimpleName();
        if (name.equals("CustomKeyStoreHasCmKsException")) {
            return "CustomKeyStoreHasCMKsException";
        }
        if (name.startsWith("Kms") && !name.equals("KmsException")) {
            return "KMS" + name.substring(3);
        }
        return name;
    }

    private static String describe(KmsException e) {
        return describe(e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
    }

    private static String describe(String code, String message) {
        boolean none = message == null || message.isEmpty();
        return code + (none ? " (no message)" : ": " + message);
    }
}
