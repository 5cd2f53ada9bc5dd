package dev.trent.server.key;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A grant on one key: who may use the key for which operations, under which constraints, and who may retire
 * the grant. {@code name}, the service principals, the retiring principals and {@code constraints} may be null.
 */
public record Grant(Scope scope, KeyId keyId, String grantId, String name, Instant creationDate,
                    String granteePrincipal, String granteeServicePrincipal,
                    String retiringPrincipal, String retiringServicePrincipal,
                    List<GrantOperation> operations, Constraints constraints) {

    /** GrantConstraints; either map may be empty and {@code sourceArn} may be null. */
    public record Constraints(Map<String, String> encryptionContextSubset,
                              Map<String, String> encryptionContextEquals, String sourceArn) {
        public Constraints {
            encryptionContextSubset = encryptionContextSubset == null ? null : Map.copyOf(encryptionContextSubset);
            encryptionContextEquals = encryptionContextEquals == null ? null : Map.copyOf(encryptionContextEquals);
        }
    }

    public Grant {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(creationDate, "creationDate");
        operations = List.copyOf(operations);
    }

    public String keyArn() {
        return scope.keyArn(keyId);
    }

    /** The account that created the grant, as ListGrants reports it. */
    public String issuingAccount() {
        return "arn:aws:iam::" + scope.account() + ":root";
    }

    /**
     * True when {@code other} asks for the same grant: same principals, the same set of operations and the same
     * constraints. Name and the grant's own identity are not compared.
     */
    public boolean sameParameters(Grant other) {
        return Objects.equals(granteePrincipal, other.granteePrincipal)
                && Objects.equals(granteeServicePrincipal, other.granteeServicePrincipal)
                && Objects.equals(retiringPrincipal, other.retiringPrincipal)
                && Objects.equals(retiringServicePrincipal, other.retiringServicePrincipal)
                && Set.copyOf(operations).equals(Set.copyOf(other.operations))
                && Objects.equals(constraints, other.constraints);
    }
}
