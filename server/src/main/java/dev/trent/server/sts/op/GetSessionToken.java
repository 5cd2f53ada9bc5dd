package dev.trent.server.sts.op;

import dev.trent.server.auth.Principal;
import dev.trent.server.iam.IamIds;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryError;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;
import dev.trent.server.sts.Session;
import dev.trent.server.sts.SessionTokens;
import dev.trent.server.sts.StsXml;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * GetSessionToken: temporary credentials that act as the user (or root user) that asked, for DurationSeconds
 * (900 to 129,600; 43,200 by default; a root user's at most 3,600). Session credentials cannot ask for more.
 */
public final class GetSessionToken implements QueryAction {

    static final int DEFAULT_DURATION = 43200;
    static final int ROOT_MAX = 3600;

    private final SessionTokens tokens;
    private final Clock clock;

    public GetSessionToken(SessionTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        int duration = request.integer("DurationSeconds", 900, 129600).orElse(DEFAULT_DURATION);
        Principal principal = caller.principal();
        if (principal.kind() == Principal.Kind.ASSUMED_ROLE || caller.sessionToken().isPresent()) {
            throw new QueryException(QueryError.ACCESS_DENIED, "Cannot call GetSessionToken with session"
                    + " credentials");
        }
        if (principal.isRoot()) {
            duration = Math.min(duration, ROOT_MAX);
        }
        Session session = new Session(IamIds.temporaryAccessKeyId(), principal, null,
                clock.instant().plusSeconds(duration), Optional.empty(), Map.of());
        StsXml.credentials(result, session, tokens);
    }
}
