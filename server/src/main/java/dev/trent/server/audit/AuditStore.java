package dev.trent.server.audit;

/** Where the trail's links, head and digests are kept. */
public interface AuditStore {

    /** Writes {@code append} durably in one commit of its own, or throws. */
    void write(ChainAppend append);
}
