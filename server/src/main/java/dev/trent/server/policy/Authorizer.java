package dev.trent.server.policy;

/**
 * Answers authorization questions: {@link KmsAuthorizer} evaluates, {@link DecisionCache} remembers. The call
 * site (service.PolicyEnforcement) depends on this, so either can be plugged in.
 */
@FunctionalInterface
public interface Authorizer {

    /** Decides {@code request} under {@code policies}; {@code grantAllows} is the caller's verdict on the grants. */
    Decision authorize(AuthorizationRequest request, ApplicablePolicies policies, boolean grantAllows);
}
