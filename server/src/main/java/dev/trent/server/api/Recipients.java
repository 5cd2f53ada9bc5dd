package dev.trent.server.api;

import dev.trent.server.error.UnsupportedOperationException;

/** The Recipient member (attested Nitro enclaves) has no meaning outside AWS. */
public final class Recipients {

    private Recipients() {
    }

    public static void reject(JsonRequest request) {
        if (request.has("Recipient")) {
            throw new UnsupportedOperationException("Recipient (an attested enclave) is not supported by Trent.");
        }
    }
}
