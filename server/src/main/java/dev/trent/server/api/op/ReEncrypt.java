package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.api.DryRunModifiers;
import dev.trent.server.error.DryRunOperationException;
import dev.trent.server.key.EncryptionAlgorithm;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.service.EncryptionService;
import dev.trent.server.service.Results.ReEncrypted;

/** ReEncrypt: decrypts under the source key and encrypts under the destination, without exposing plaintext. */
public final class ReEncrypt implements Operation {

    private final EncryptionService encryption;

    public ReEncrypt(EncryptionService encryption) {
        this.encryption = encryption;
    }

    @Override
    public String name() {
        return "ReEncrypt";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        boolean ignoreCiphertext = DryRunModifiers.ignoreCiphertext(request);
        byte[] blob = ignoreCiphertext ? request.blob("CiphertextBlob", 1, Members.CIPHERTEXT_MAX).orElse(null)
                : request.requiredBlob("CiphertextBlob", 1, Members.CIPHERTEXT_MAX);
        var sourceContext = Members.encryptionContext(request, "SourceEncryptionContext");
        String sourceKeyId = request.string("SourceKeyId", 1, Members.KEY_ID_MAX).orElse(null);
        String destinationKeyId = request.requiredString("DestinationKeyId", 1, Members.KEY_ID_MAX);
        var destinationContext = Members.encryptionContext(request, "DestinationEncryptionContext");
        EncryptionAlgorithm sourceAlgorithm =
                request.enumValue("SourceEncryptionAlgorithm", EncryptionAlgorithm.class).orElse(null);
        EncryptionAlgorithm destinationAlgorithm =
                request.enumValue("DestinationEncryptionAlgorithm", EncryptionAlgorithm.class).orElse(null);
        Members.grantTokens(request);
        boolean dryRun = request.bool("DryRun");
        DryRunModifiers.read(request);
        request.validate();
        if (ignoreCiphertext) {
            encryption.checkUsableWithoutCiphertext(context.scope(), destinationKeyId, KeyOperation.ReEncryptTo, name());
            encryption.checkUsableWithoutCiphertext(context.scope(), DryRunModifiers.requireKey(sourceKeyId, "SourceKeyId"),
                    KeyOperation.ReEncryptFrom, name());
            throw DryRunOperationException.wouldHaveSucceeded();
        }
        ReEncrypted result = encryption.reEncrypt(context.scope(), blob, sourceKeyId, sourceContext, sourceAlgorithm,
                destinationKeyId, destinationContext, destinationAlgorithm, dryRun);
        return JsonResponse.create()
                .blob("CiphertextBlob", result.destination().ciphertext())
                .string("SourceKeyId", result.source().key().arn())
                .string("KeyId", result.destination().key().arn())
                .string("SourceEncryptionAlgorithm", result.source().algorithm())
                .string("DestinationEncryptionAlgorithm", result.destination().algorithm())
                .string("SourceKeyMaterialId", result.source().materialId())
                .string("DestinationKeyMaterialId", result.destinationMaterialId());
    }
}
