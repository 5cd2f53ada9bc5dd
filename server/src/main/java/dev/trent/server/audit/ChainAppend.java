package dev.trent.server.audit;

import java.util.List;
import java.util.Optional;

/** What one commit adds to the trail: new links, the head after them, and a digest when one is due. */
public record ChainAppend(List<ChainEntry> entries, ChainHead head, Optional<SignedDigest> digest) {

    public ChainAppend {
        entries = List.copyOf(entries);
    }
}
