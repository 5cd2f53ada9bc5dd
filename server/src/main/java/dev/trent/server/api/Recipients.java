package dev.trent.server.api;

import dev.trent.server.error.UnsupportedOperationException;

/** The Recipient member (attested Nitro enclaves) has no meaning outside AWS. */
public final class Recipients {

    /** RecipientInfo.AttestationDocument: 1 to 262,144 bytes. */
    private static final int ATTESTATION_DOCUMENT_MAX = 262_144;

    /** The model's KeyEncryptionMechanism. */
    private enum KeyEncryptionMechanism { RSAES_OAEP_SHA_256 }

    private Recipients() {
    }

    /**
     * Reads a Recipient as the model shapes it, its violations joining the request's (a malformed one is a
     * malformed request before it is an unsupported one); true when one was given.
     */
    public static boolean read(JsonRequest request) {
        request.structure("Recipient").ifPresent(recipient -> {
            recipient.enumValue("KeyEncryptionAlgorithm", KeyEncryptionMechanism.class);
            recipient.blob("AttestationDocument", 1, ATTESTATION_DOCUMENT_MAX);
        });
        return request.has("Recipient");
    }

    /** Refuses a request that gave a Recipient, once the request is otherwise valid. */
    public static void refuse(boolean given) {
        if (given) {
            throw new UnsupportedOperationException("Recipient (an attested enclave) is not supported by Trent.");
        }
    }
}
