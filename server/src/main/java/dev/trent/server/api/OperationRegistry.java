package dev.trent.server.api;

import dev.trent.server.api.op.CancelKeyDeletion;
import dev.trent.server.api.op.ConnectCustomKeyStore;
import dev.trent.server.api.op.CreateCustomKeyStore;
import dev.trent.server.api.op.DeleteCustomKeyStore;
import dev.trent.server.api.op.DescribeCustomKeyStores;
import dev.trent.server.api.op.DisconnectCustomKeyStore;
import dev.trent.server.api.op.UpdateCustomKeyStore;
import dev.trent.server.api.op.ListKeyRotations;
import dev.trent.server.api.op.RotateKeyOnDemand;
import dev.trent.server.api.op.GetKeyRotationStatus;
import dev.trent.server.api.op.DisableKeyRotation;
import dev.trent.server.api.op.EnableKeyRotation;
import dev.trent.server.api.op.CreateAlias;
import dev.trent.server.api.op.CreateGrant;
import dev.trent.server.api.op.CreateKey;
import dev.trent.server.api.op.Decrypt;
import dev.trent.server.api.op.DeleteAlias;
import dev.trent.server.api.op.DeleteImportedKeyMaterial;
import dev.trent.server.api.op.DeriveSharedSecret;
import dev.trent.server.api.op.DescribeKey;
import dev.trent.server.api.op.DisableKey;
import dev.trent.server.api.op.EnableKey;
import dev.trent.server.api.op.Encrypt;
import dev.trent.server.api.op.GenerateDataKey;
import dev.trent.server.api.op.GenerateDataKeyPair;
import dev.trent.server.api.op.GenerateDataKeyPairWithoutPlaintext;
import dev.trent.server.api.op.GenerateDataKeyWithoutPlaintext;
import dev.trent.server.api.op.GenerateMac;
import dev.trent.server.api.op.GenerateRandom;
import dev.trent.server.api.op.GetKeyLastUsage;
import dev.trent.server.api.op.GetKeyPolicy;
import dev.trent.server.api.op.GetParametersForImport;
import dev.trent.server.api.op.GetPublicKey;
import dev.trent.server.api.op.ImportKeyMaterial;
import dev.trent.server.api.op.ListAliases;
import dev.trent.server.api.op.ListGrants;
import dev.trent.server.api.op.ListKeyPolicies;
import dev.trent.server.api.op.ListKeys;
import dev.trent.server.api.op.ListResourceTags;
import dev.trent.server.api.op.ListRetirableGrants;
import dev.trent.server.api.op.NotYetImplemented;
import dev.trent.server.api.op.PutKeyPolicy;
import dev.trent.server.api.op.ReEncrypt;
import dev.trent.server.api.op.ReplicateKey;
import dev.trent.server.api.op.RetireGrant;
import dev.trent.server.api.op.RevokeGrant;
import dev.trent.server.api.op.ScheduleKeyDeletion;
import dev.trent.server.api.op.Sign;
import dev.trent.server.api.op.TagResource;
import dev.trent.server.api.op.UntagResource;
import dev.trent.server.api.op.UpdateAlias;
import dev.trent.server.api.op.UpdateKeyDescription;
import dev.trent.server.api.op.UpdatePrimaryRegion;
import dev.trent.server.api.op.Verify;
import dev.trent.server.api.op.VerifyMac;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Every operation of the KMS model, by wire name, listed explicitly: no reflection, no classpath scanning.
 * Operations Trent does not have yet answer UnsupportedOperationException, so each of the model's 54 names
 * is known.
 */
public final class OperationRegistry {

    /** Model operations not implemented yet; each later issue moves names from here to {@link #implemented}. */
    static final List<String> NOT_YET_IMPLEMENTED = List.of();

    private final Map<String, Operation> operations = new TreeMap<>();
    private final Consumer<List<String>> grantTokenCheck;

    public OperationRegistry(Services services) {
        this.grantTokenCheck = services.grants()::checkTokens;
        for (Operation operation : implemented(services)) {
            add(UsageRecording.TRACKED.contains(operation.name())
                    ? new UsageRecording(operation, services.usage()) : operation);
        }
        NOT_YET_IMPLEMENTED.forEach(name -> add(new NotYetImplemented(name)));
    }

    private static List<Operation> implemented(Services s) {
        return List.of(
                new CreateKey(s.keys(), s.keyStores(), s.presets()), new DescribeKey(s.keys(), s.keyStores()), new ListKeys(s.keys()),
                new EnableKey(s.keys()), new DisableKey(s.keys()),
                new ScheduleKeyDeletion(s.keys()), new CancelKeyDeletion(s.keys()),
                new UpdateKeyDescription(s.keys()),
                new ReplicateKey(s.keys()), new UpdatePrimaryRegion(s.keys()),
                new TagResource(s.keys()), new UntagResource(s.keys()), new ListResourceTags(s.keys()),
                new CreateAlias(s.aliases()), new UpdateAlias(s.aliases()), new DeleteAlias(s.aliases()),
                new ListAliases(s.aliases()),
                new Encrypt(s.encryption()), new Decrypt(s.encryption()), new ReEncrypt(s.encryption()),
                new GenerateDataKey(s.encryption()), new GenerateDataKeyWithoutPlaintext(s.encryption()),
                new GenerateRandom(s.keyStores()),
                new GenerateDataKeyPair(s.encryption()), new GenerateDataKeyPairWithoutPlaintext(s.encryption()),
                new Sign(s.signing()), new Verify(s.signing()), new GetPublicKey(s.signing()),
                new GenerateMac(s.macs()), new VerifyMac(s.macs()),
                new DeriveSharedSecret(s.agreement()),
                new GetKeyLastUsage(s.usage()),
                new EnableKeyRotation(s.rotation()), new DisableKeyRotation(s.rotation()),
                new GetKeyRotationStatus(s.rotation()), new RotateKeyOnDemand(s.rotation()),
                new ListKeyRotations(s.rotation()),
                new GetParametersForImport(s.imports()), new ImportKeyMaterial(s.imports()),
                new DeleteImportedKeyMaterial(s.imports()),
                new GetKeyPolicy(s.policies()), new PutKeyPolicy(s.policies()), new ListKeyPolicies(s.policies()),
                new CreateGrant(s.grants()), new ListGrants(s.grants()), new ListRetirableGrants(s.grants()),
                new RetireGrant(s.grants()), new RevokeGrant(s.grants()),
                new CreateCustomKeyStore(s.keyStores()), new DescribeCustomKeyStores(s.keyStores()),
                new ConnectCustomKeyStore(s.keyStores()), new DisconnectCustomKeyStore(s.keyStores()),
                new UpdateCustomKeyStore(s.keyStores()), new DeleteCustomKeyStore(s.keyStores()));
    }

    private void add(Operation operation) {
        if (operations.put(operation.name(), operation) != null) {
            throw new IllegalStateException("operation registered twice: " + operation.name());
        }
    }

    /** Refuses a request's grant tokens that were not minted here; every operation's GrantTokens pass it. */
    public Consumer<List<String>> grantTokenCheck() {
        return grantTokenCheck;
    }

    public Map<String, Operation> operations() {
        return Map.copyOf(operations);
    }
}
