package dev.trent.server.http;

import dev.trent.server.auth.AuthMode;
import dev.trent.server.auth.AuthenticationException;
import dev.trent.server.auth.Principal;
import dev.trent.server.auth.SigV4Verifier;
import dev.trent.server.auth.SignedRequest;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryError;
import dev.trent.server.query.QueryException;
import java.time.Instant;
import java.util.Optional;

/**
 * Who an IAM or STS request comes from. With {@code --auth off} it acts as the root user of the account its
 * access key maps to ({@link Accounts}); otherwise its signature is verified by the same verifier as KMS
 * requests, for the service it is addressed to, and a refusal is rendered with the codes IAM and STS answer
 * with (InvalidClientTokenId, SignatureDoesNotMatch, ExpiredToken, MissingAuthenticationToken,
 * IncompleteSignature) and the same messages.
 */
public final class QueryAuthentication {

    private final AuthMode mode;
    private final SigV4Verifier verifier;
    private final Accounts accounts;
    private final String defaultRegion;

    public QueryAuthentication(AuthMode mode, SigV4Verifier verifier, Accounts accounts, String defaultRegion) {
        if (mode.verifiesSignatures() && verifier == null) {
            throw new IllegalArgumentException("--auth " + mode.optionValue() + " needs a verifier");
        }
        this.mode = mode;
        this.verifier = verifier;
        this.accounts = accounts;
        this.defaultRegion = defaultRegion;
    }

    Instant serverTime() {
        return verifier != null ? verifier.now() : Instant.now();
    }

    /**
     * @throws QueryException when the mode verifies signatures and this one does not hold for {@code service}
     */
    QueryCaller callerFor(SignedRequest request, String service) {
        Optional<String> token = request.first("X-Amz-Security-Token");
        if (!mode.verifiesSignatures()) {
            Optional<SigV4Scope> scope = SigV4Scope.parse(request.first("Authorization").orElse(null));
            String accessKey = scope.map(SigV4Scope::accessKeyId).orElse(null);
            String account = accounts.forAccessKey(accessKey);
            return new QueryCaller(Principal.root(account), scope.map(SigV4Scope::region).orElse(defaultRegion),
                    accessKey, token);
        }
        SigV4Verifier.Verified verified;
        try {
            verified = verifier.verify(request);
        } catch (AuthenticationException e) {
            throw new QueryException(codeOf(e.failure()), e.getMessage());
        }
        if (!verified.service().equals(service)) {
            throw new QueryException(QueryError.SIGNATURE_DOES_NOT_MATCH,
                    "Credential should be scoped to correct service: '" + service + "'.");
        }
        return new QueryCaller(verified.principal(), verified.region(), verified.accessKeyId(), token);
    }

    static QueryError codeOf(AuthenticationException.Failure failure) {
        return switch (failure) {
            case MISSING_AUTHENTICATION_TOKEN -> QueryError.MISSING_AUTHENTICATION_TOKEN;
            case INCOMPLETE_SIGNATURE -> QueryError.INCOMPLETE_SIGNATURE;
            case UNRECOGNIZED_CLIENT -> QueryError.INVALID_CLIENT_TOKEN_ID;
            case INVALID_SIGNATURE -> QueryError.SIGNATURE_DOES_NOT_MATCH;
            case EXPIRED_TOKEN -> QueryError.EXPIRED_TOKEN;
        };
    }
}
