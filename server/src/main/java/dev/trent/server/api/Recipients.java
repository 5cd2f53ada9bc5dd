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
     * Refuses a Recipient, after reading it as the model shapes it: a malformed one is a malformed request
     * (SerializationException or ValidationException) before it is an unsupported one.
     */
    public static void reject(JsonRequest request) {
        if (!request.has("Recipient")) {
            return;
        }
        request.structure("Recipient").ifPresent(recipient -> {
            recipient.enumValue("KeyEncryptionAlgorithm", KeyEncryptionMechanism.class);
            recipient.blob("AttestationDocument", 1, ATTESTATION_DOCUMENT_MAX);
            recipient.validate();
        });
        throw new UnsupportedOperationException("Recipient (an attested enclave) is not supported by Trent.");
    }
}
