package dev.trent.server.http;

import dev.trent.server.audit.ApiCall;
import dev.trent.server.audit.AuditTrail;
import dev.trent.server.audit.UserIdentity;
import dev.trent.server.auth.Principal;
import dev.trent.server.auth.SignedRequest;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place a call enters the audit trail, for every protocol: admitted before it runs (or refused with
 * {@link AuditTrail.Full} when the trail has no room, without running), finished with the answer it got.
 */
final class CallRecorder {

    /** Records nothing: for servers and tests without a trail. */
    static final CallRecorder OFF = new CallRecorder(null);

    /** What a refusal for a full trail says, in every protocol. */
    static final String FULL_MESSAGE = "The audit trail is not keeping up with the calls; this call was not run. "
            + "Retry later.";

    private final AuditTrail trail;

    CallRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    static CallRecorder of(AuditTrail trail) {
        return trail == null ? OFF : new CallRecorder(trail);
    }

    /**
     * Runs {@code run} as the call {@code describe} makes, and records it with the outcome {@code outcome} reads
     * from the answer.
     *
     * @throws AuditTrail.Full when the trail has no room; {@code run} did not run
     */
    <R> R record(Supplier<ApiCall> describe, Supplier<R> run, Function<R, ApiCall.Outcome> outcome) {
        if (trail == null) {
            return run.get();
        }
        AuditTrail.Recording recording = trail.begin(describe.get());
        R answer = null;
        try {
            answer = run.get();
            return answer;
        } finally {
            recording.finish(answer != null ? outcome.apply(answer)
                    : ApiCall.Outcome.refused("InternalFailure", "The call ended without an answer."));
        }
    }

    /** Who signed {@code request}: the verified principal, or the account root when signatures are not checked. */
    static UserIdentity identity(Optional<Principal> verified, String account, SignedRequest request) {
        return new UserIdentity(verified.orElseGet(() -> Principal.root(account)), accessKey(request));
    }

    /** The access key {@code request} was signed with, or null for an unsigned one. */
    static String accessKey(SignedRequest request) {
        return SigV4Scope.parse(request.first("Authorization").orElse(null)).map(SigV4Scope::accessKeyId)
                .orElse(null);
    }

    static String userAgent(SignedRequest request) {
        return request.first("User-Agent").orElse(null);
    }
}
