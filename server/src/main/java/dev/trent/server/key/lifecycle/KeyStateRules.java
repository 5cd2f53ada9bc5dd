package dev.trent.server.key.lifecycle;

import static dev.trent.server.key.lifecycle.StateRule.ALLOWED;
import static dev.trent.server.key.lifecycle.StateRule.CREATING;
import static dev.trent.server.key.lifecycle.StateRule.DISABLED;
import static dev.trent.server.key.lifecycle.StateRule.NOT_PENDING_DELETION;
import static dev.trent.server.key.lifecycle.StateRule.PENDING_DELETION;
import static dev.trent.server.key.lifecycle.StateRule.PENDING_IMPORT;
import static dev.trent.server.key.lifecycle.StateRule.UNAVAILABLE;
import static dev.trent.server.key.lifecycle.StateRule.UPDATING;

import java.util.EnumMap;
import java.util.Map;

/**
 * The state x operation matrix of the AWS KMS Developer Guide ("Key states of AWS KMS keys", key-state
 * table). Columns: Enabled, Disabled, PendingDeletion, PendingImport, Unavailable, Creating, Updating;
 * PendingReplicaDeletion follows the PendingDeletion column. Cells the guide marks "N/A" (a state the key
 * type cannot reach) carry the rule AWS uses for that state elsewhere. Cells the guide marks conditional
 * (rotation and import, decided by key origin) are ALLOWED here; the operation checks the origin itself.
 */
public final class KeyStateRules {

    private static final KeyState[] COLUMNS = {
        KeyState.Enabled, KeyState.Disabled, KeyState.PendingDeletion, KeyState.PendingImport,
        KeyState.Unavailable, KeyState.Creating, KeyState.Updating,
    };

    private static final StateRule A = ALLOWED;
    private static final StateRule PD = PENDING_DELETION;
    private static final StateRule NPD = NOT_PENDING_DELETION;
    private static final StateRule DIS = DISABLED;
    private static final StateRule IMP = PENDING_IMPORT;
    private static final StateRule UNA = UNAVAILABLE;
    private static final StateRule CRE = CREATING;
    private static final StateRule UPD = UPDATING;

    private static final Map<KeyOperation, StateRule[]> MATRIX = new EnumMap<>(KeyOperation.class);

    static {
        //                                         Enabled Disabled PendDel PendImp Unavail Creating Updating
        row(KeyOperation.CancelKeyDeletion,         NPD,    NPD,     A,      NPD,    NPD,    NPD,     NPD);
        row(KeyOperation.CreateAlias,               A,      A,       PD,     A,      A,      A,       A);
        row(KeyOperation.CreateGrant,               A,      DIS,     PD,     IMP,    A,      CRE,     A);
        row(KeyOperation.Decrypt,                   A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.DeleteAlias,               A,      A,       A,      A,      A,      A,       A);
        row(KeyOperation.DeleteImportedKeyMaterial, A,      A,       A,      A,      A,      CRE,     UPD);
        row(KeyOperation.DeriveSharedSecret,        A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.DescribeKey,               A,      A,       A,      A,      A,      A,       A);
        row(KeyOperation.DisableKey,                A,      A,       PD,     IMP,    A,      CRE,     UPD);
        row(KeyOperation.DisableKeyRotation,        A,      DIS,     PD,     A,      A,      CRE,     A);
        row(KeyOperation.EnableKey,                 A,      A,       PD,     IMP,    A,      CRE,     UPD);
        row(KeyOperation.EnableKeyRotation,         A,      DIS,     PD,     A,      A,      CRE,     A);
        row(KeyOperation.Encrypt,                   A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.GenerateDataKey,           A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.GenerateDataKeyPair,       A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.GenerateDataKeyPairWithoutPlaintext, A, DIS, PD,    IMP,    UNA,    CRE,     A);
        row(KeyOperation.GenerateDataKeyWithoutPlaintext, A,  DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.GenerateMac,               A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.GetKeyLastUsage,           A,      A,       A,      A,      A,      A,       A);
        row(KeyOperation.GetKeyPolicy,              A,      A,       A,      A,      A,      A,       A);
        row(KeyOperation.GetKeyRotationStatus,      A,      A,       A,      A,      A,      A,       A);
        row(KeyOperation.GetParametersForImport,    A,      A,       PD,     A,      A,      CRE,     UPD);
        row(KeyOperation.GetPublicKey,              A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.ImportKeyMaterial,         A,      A,       PD,     A,      A,      CRE,     A);
        row(KeyOperation.ListAliases,               A,      A,       A,      A,      A,      A,       A);
        row(KeyOperation.ListGrants,                A,      A,       A,      A,      A,      A,       A);
        row(KeyOperation.ListKeyPolicies,           A,      A,       A,      A,      A,      A,       A);
        row(KeyOperation.ListKeyRotations,          A,      A,       A,      A,      A,      A,       A);
        row(KeyOperation.ListResourceTags,          A,      A,       A,      A,      A,      A,       A);
        row(KeyOperation.PutKeyPolicy,              A,      A,       A,      A,      A,      A,       A);
        row(KeyOperation.ReEncryptFrom,             A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.ReEncryptTo,               A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.ReplicateKey,              A,      DIS,     PD,     IMP,    UNA,    CRE,     UPD);
        row(KeyOperation.RetireGrant,               A,      A,       A,      A,      A,      A,       A);
        row(KeyOperation.RevokeGrant,               A,      A,       A,      A,      A,      A,       A);
        row(KeyOperation.RotateKeyOnDemand,         A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.ScheduleKeyDeletion,       A,      A,       PD,     A,      A,      A,       UPD);
        row(KeyOperation.Sign,                      A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.TagResource,               A,      A,       PD,     A,      A,      A,       A);
        row(KeyOperation.UntagResource,             A,      A,       PD,     A,      A,      A,       A);
        row(KeyOperation.UpdateAlias,               A,      A,       PD,     A,      A,      A,       A);
        row(KeyOperation.UpdateKeyDescription,      A,      A,       PD,     A,      A,      A,       A);
        row(KeyOperation.UpdatePrimaryRegion,       A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.Verify,                    A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
        row(KeyOperation.VerifyMac,                 A,      DIS,     PD,     IMP,    UNA,    CRE,     A);
    }

    private KeyStateRules() {
    }

    private static void row(KeyOperation operation, StateRule... cells) {
        if (cells.length != COLUMNS.length) {
            throw new IllegalStateException("row " + operation + " needs " + COLUMNS.length + " cells");
        }
        MATRIX.put(operation, cells);
    }

    /** The cell for this operation on a key in this state. */
    public static StateRule rule(KeyOperation operation, KeyState state) {
        StateRule[] cells = MATRIX.get(operation);
        if (state == KeyState.PendingReplicaDeletion) {
            StateRule cell = cells[2];
            return cell == PD ? StateRule.PENDING_REPLICA_DELETION : cell;
        }
        for (int i = 0; i < COLUMNS.length; i++) {
            if (COLUMNS[i] == state) {
                return cells[i];
            }
        }
        throw new IllegalStateException("no column for " + state);
    }

    /** Throws AWS's exception when {@code operation} may not run on a key in {@code state}. */
    public static void check(KeyOperation operation, KeyState state, String keyArn) {
        rule(operation, state).exceptionFor(keyArn).ifPresent(e -> {
            throw e;
        });
    }
}
