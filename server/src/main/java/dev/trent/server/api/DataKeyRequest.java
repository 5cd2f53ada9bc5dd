package dev.trent.server.api;

import dev.trent.server.error.ValidationException;
import java.util.List;
import java.util.Map;

/** The members GenerateDataKey and GenerateDataKeyWithoutPlaintext share. */
public record DataKeyRequest(String keyId, int length, Map<String, String> encryptionContext, boolean dryRun) {

    private enum DataKeySpec { AES_256, AES_128 }

    /** GenerateDataKey's members, in its model order. */
    public static DataKeyRequest read(JsonRequest request) {
        return read(request, true);
    }

    /** GenerateDataKeyWithoutPlaintext's members, in its model order: KeySpec first, and no Recipient. */
    public static DataKeyRequest readWithoutPlaintext(JsonRequest request) {
        return read(request, false);
    }

    /** Exactly one of KeySpec (AES_256 = 32 bytes, AES_128 = 16) and NumberOfBytes (1..1024). */
    private static DataKeyRequest read(JsonRequest request, boolean withPlaintext) {
        String keyId = Members.keyId(request);
        Map<String, String> context = Members.encryptionContext(request, "EncryptionContext");
        Integer bytes = null;
        if (withPlaintext) {
            bytes = request.integer("NumberOfBytes", 1, 1024).orElse(null);
        }
        DataKeySpec spec = request.enumValue("KeySpec", DataKeySpec.class, List.of("AES_256", "AES_128")).orElse(null);
        if (!withPlaintext) {
            bytes = request.integer("NumberOfBytes", 1, 1024).orElse(null);
        }
        Members.grantTokens(request);
        boolean recipient = withPlaintext && Recipients.read(request);
        boolean dryRun = request.bool("DryRun");
        request.validate();
        Recipients.refuse(recipient);
        if (request.has("NumberOfBytes") == request.has("KeySpec")) {
            throw new ValidationException("Please specify either number of bytes or key spec.");
        }
        int length = bytes != null ? bytes : spec == DataKeySpec.AES_256 ? 32 : 16;
        return new DataKeyRequest(keyId, length, context, dryRun);
    }
}
