package dev.trent.server.policy;

import dev.trent.server.key.Grant;
import dev.trent.server.key.GrantOperation;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a key's grants allow a request ("Grants in AWS KMS", "Using grant constraints"): a grant applies to its
 * grantee principal (for a role, to the role's sessions too), for the operations it lists, and only when the
 * request's encryption context satisfies its constraint: EncryptionContextEquals an exact, case-sensitive match
 * of all pairs, EncryptionContextSubset all of its pairs among the request's. DescribeKey and RetireGrant have no
 * encryption context, so constraints do not restrict them. The result is the {@code grantAllows} verdict
 * {@link KmsAuthorizer} takes.
 */
public final class GrantEvaluation {

    private static final Set<GrantOperation> WITHOUT_ENCRYPTION_CONTEXT =
            EnumSet.of(GrantOperation.DescribeKey, GrantOperation.RetireGrant);

    private GrantEvaluation() {
    }

    /**
     * The first grant that lets {@code caller} perform {@code action} ({@code kms:Decrypt}) with this encryption
     * context, if any. {@code grants} are the key's grants plus those named by the request's grant tokens.
     */
    public static Optional<Grant> allowing(List<Grant> grants, PolicyPrincipal caller, String action,
            Map<String, String> encryptionContext) {
        GrantOperation operation = operationOf(action);
        if (operation == null) {
            return Optional.empty();
        }
        for (Grant grant : grants) {
            if (isGrantee(grant, caller) && grant.operations().contains(operation)
                    && (WITHOUT_ENCRYPTION_CONTEXT.contains(operation)
                            || satisfies(grant.constraints(), encryptionContext))) {
                return Optional.of(grant);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a grant lets {@code caller} create a child grant: the parent allows CreateGrant to the caller, the
     * child's operations are among the parent's, and the child's constraint is at least as strict (a Subset may
     * gain pairs or become an Equals holding them; an Equals must stay the same).
     */
    public static boolean allowsChildGrant(Grant parent, PolicyPrincipal caller, List<GrantOperation> childOperations,
            Grant.Constraints childConstraints) {
        if (!isGrantee(parent, caller) || !parent.operations().contains(GrantOperation.CreateGrant)
                || !parent.operations().containsAll(childOperations)) {
            return false;
        }
        Grant.Constraints p = parent.constraints();
        Map<String, String> parentEquals = p == null ? null : p.encryptionContextEquals();
        Map<String, String> parentSubset = p == null ? null : p.encryptionContextSubset();
        Map<String, String> childEquals = childConstraints == null ? null : childConstraints.encryptionContextEquals();
        Map<String, String> childSubset = childConstraints == null ? null : childConstraints.encryptionContextSubset();
        if (parentEquals != null && !parentEquals.isEmpty()) {
            return parentEquals.equals(childEquals);
        }
        if (parentSubset != null && !parentSubset.isEmpty()) {
            Map<String, String> child = childEquals != null && !childEquals.isEmpty() ? childEquals : childSubset;
            return child != null && containsAll(child, parentSubset);
        }
        return true;
    }

    /**
     * Who may retire a grant ("Retiring and revoking grants"): its retiring principal, its grantee when the grant
     * lists RetireGrant, and the root user of the account the grant was created in.
     */
    public static boolean mayRetire(Grant grant, PolicyPrincipal caller) {
        if (caller.kind() == PrincipalKind.ROOT && caller.arn().equals(grant.issuingAccount())) {
            return true;
        }
        boolean retiring = grant.retiringPrincipal() != null && names(grant.retiringPrincipal(), caller);
        return retiring || (isGrantee(grant, caller) && grant.operations().contains(GrantOperation.RetireGrant));
    }

    private static boolean isGrantee(Grant grant, PolicyPrincipal caller) {
        return grant.granteePrincipal() != null && names(grant.granteePrincipal(), caller);
    }

    private static boolean names(String principal, PolicyPrincipal caller) {
        return principal.equals(caller.arn()) || principal.equals(caller.roleArn());
    }

    private static boolean satisfies(Grant.Constraints constraints, Map<String, String> context) {
        if (constraints == null) {
            return true;
        }
        Map<String, String> equals = constraints.encryptionContextEquals();
        if (equals != null && !equals.isEmpty() && !equals.equals(context)) {
            return false;
        }
        Map<String, String> subset = constraints.encryptionContextSubset();
        return subset == null || containsAll(context, subset);
    }

    private static boolean containsAll(Map<String, String> context, Map<String, String> required) {
        for (Map.Entry<String, String> pair : required.entrySet()) {
            if (!pair.getValue().equals(context.get(pair.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** {@code kms:ReEncryptFrom} to ReEncryptFrom; null for actions no grant can allow. */
    private static GrantOperation operationOf(String action) {
        String name = action.regionMatches(true, 0, "kms:", 0, 4) ? action.substring(4) : action;
        for (GrantOperation operation : GrantOperation.values()) {
            if (operation.name().equalsIgnoreCase(name)) {
                return operation;
            }
        }
        return null;
    }
}
