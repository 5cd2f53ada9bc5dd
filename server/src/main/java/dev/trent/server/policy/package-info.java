/**
 * IAM's policy language and AWS KMS's authorization logic, as pure functions: no I/O, no clock, no Netty.
 *
 * <p>Reading: {@link dev.trent.server.policy.PolicyDocument#parse} turns JSON into statements (once per text, see
 * {@link dev.trent.server.policy.PolicyDocuments}). Deciding: {@link dev.trent.server.policy.KmsAuthorizer} weighs
 * a key policy, identity policies, session policies and a grant verdict for one
 * {@link dev.trent.server.policy.AuthorizationRequest} and returns a {@link dev.trent.server.policy.Decision} that
 * carries AWS's AccessDeniedException message and the matched statements SimulatePrincipalPolicy reports.
 * {@link dev.trent.server.policy.DecisionCache} answers repeated questions without evaluating again.
 *
 * <p>Wiring a KMS operation (the single call site is {@code service.PolicyEnforcement}):
 * <ol>
 * <li>Resolve the keys the request names (for Decrypt and ReEncrypt, the key inside the ciphertext) into
 *     {@link dev.trent.server.policy.KeyFacts}, by {@link dev.trent.server.policy.PermissionTarget}.
 * <li>{@link dev.trent.server.policy.KmsRequestContext#checks} gives one
 *     {@link dev.trent.server.policy.PermissionCheck} per permission the operation needs
 *     ({@link dev.trent.server.policy.KmsActions}).
 * <li>For each: the key policy of {@code check.key()} (none for alias and account targets), the caller's
 *     identity and session policies, and whether a grant on that key allows the operation with this encryption
 *     context; then {@code authorizer.authorize(...).orThrow()}.
 * </ol>
 */
package dev.trent.server.policy;
