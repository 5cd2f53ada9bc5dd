package dev.trent.server.http;

import dev.trent.server.api.RequestContext;
import dev.trent.server.auth.AuthMode;
import dev.trent.server.auth.AuthenticationException;
import dev.trent.server.auth.SigV4Verifier;
import dev.trent.server.auth.SignedRequest;
import dev.trent.server.key.Scope;
import java.time.Instant;
import java.util.Optional;

/**
 * Who a KMS request comes from and where it acts. With {@code --auth off} the credential scope is read and not
 * checked: the access key picks the account ({@link Accounts}), the scope's Region the Region. Otherwise the
 * signature is verified first and the verified principal's account is the account. The same verifier can front
 * the other services answered on this endpoint; only the service name in the scope and the rendering of a
 * refusal differ.
 */
public final class KmsAuthentication {

    /** The service name a KMS request is signed for. */
    static final String SERVICE = "kms";

    private final AuthMode mode;
    private final SigV4Verifier verifier;
    private final Accounts accounts;
    private final String defaultRegion;

    /**
     * @param verifier the verifier; ignored (and may be null) when {@code mode} is {@link AuthMode#OFF}
     */
    public KmsAuthentication(AuthMode mode, SigV4Verifier verifier, Accounts accounts, String defaultRegion) {
        if (mode.verifiesSignatures() && verifier == null) {
            throw new IllegalArgumentException("--auth " + mode.optionValue() + " needs a verifier");
        }
        this.mode = mode;
        this.verifier = verifier;
        this.accounts = accounts;
        this.defaultRegion = defaultRegion;
    }

    /** No checks: today's access-key-to-account rules. */
    public static KmsAuthentication off(Accounts accounts, String defaultRegion) {
        return new KmsAuthentication(AuthMode.OFF, null, accounts, defaultRegion);
    }

    /** The time signatures are judged by; an answer refusing one says it, as AWS's answers do in Date. */
    Instant serverTime() {
        return verifier != null ? verifier.now() : Instant.now();
    }

    /**
     * The context {@code request} runs in. Verifying hashes the body and computes a few HMACs (microseconds for
     * a typical request, a few milliseconds at most for the largest), so callers run it on the business executor.
     *
     * @throws AuthenticationException when the mode verifies signatures and this one does not hold
     */
    RequestContext contextFor(SignedRequest request, String requestId) {
        return contextFor(request, requestId, SERVICE);
    }

    /** As {@link #contextFor(SignedRequest, String)}, for a request signed for {@code service} (cloudtrail). */
    RequestContext contextFor(SignedRequest request, String requestId, String service) {
        if (!mode.verifiesSignatures()) {
            Optional<SigV4Scope> scope = SigV4Scope.parse(request.first("Authorization").orElse(null));
            String region = scope.map(SigV4Scope::region).orElse(defaultRegion);
            String account = accounts.forAccessKey(scope.map(SigV4Scope::accessKeyId).orElse(null));
            String caller = scope.map(s -> "access key " + s.accessKeyId() + " (account " + account + ")")
                    .orElse("unsigned request (account " + account + ")");
            return new RequestContext(new Scope(account, region), requestId, caller);
        }
        SigV4Verifier.Verified verified = verifier.verify(request);
        if (!verified.service().equals(service)) {
            throw new AuthenticationException(AuthenticationException.Failure.INVALID_SIGNATURE,
                    "Credential should be scoped to correct service: '" + service + "'.");
        }
        String caller = verified.principal().arn() + " (access key " + verified.accessKeyId() + ")";
        return new RequestContext(new Scope(verified.principal().account(), verified.region()), requestId, caller,
                Optional.of(verified.principal()));
    }
}
