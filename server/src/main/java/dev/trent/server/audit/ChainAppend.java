package dev.trent.server.audit;

import java.util.List;
import java.util.Optional;

/**
 * What one commit does to the trail: new links, the head after them, a digest when one is due, and the links and
 * digests retention removes ({@code prunedEvents}, {@code prunedDigests}: sequence and digest numbers).
 */
public record ChainAppend(List<ChainEntry> entries, ChainHead head, Optional<SignedDigest> digest,
                          List<Long> prunedEvents, List<Long> prunedDigests) {

    public ChainAppend {
        entries = List.copyOf(entries);
        prunedEvents = List.copyOf(prunedEvents);
        prunedDigests = List.copyOf(prunedDigests);
    }

    public ChainAppend(List<ChainEntry> entries, ChainHead head, Optional<SignedDigest> digest) {
        this(entries, head, digest, List.of(), List.of());
    }
}
