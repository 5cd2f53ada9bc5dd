package dev.trent.server.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * The request's circumstances that global condition keys report: who calls, from which address, in which
 * Region, at what time (from the server's clock, so tests can move it), over TLS or not, and through which AWS
 * service ({@code kms:ViaService}, null for direct calls, which is every call Trent sees unless a caller says
 * otherwise).
 */
public record CallerFacts(PolicyPrincipal principal, String region, String sourceIp, Instant now,
        boolean secureTransport, String viaService) {

    public CallerFacts {
        Objects.requireNonNull(principal);
        Objects.requireNonNull(region);
        Objects.requireNonNull(now);
    }
}
