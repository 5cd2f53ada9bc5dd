package dev.trent.server.service;

import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.Origin;
import java.util.Map;

/** A validated CreateKey request; {@code multiRegion} makes a multi-Region primary key. */
public record NewKey(String description, KeySpec spec, KeyUsage usage, Origin origin, Map<String, String> tags,
                     boolean multiRegion) {

    /** A single-Region key. */
    public NewKey(String description, KeySpec spec, KeyUsage usage, Origin origin, Map<String, String> tags) {
        this(description, spec, usage, origin, tags, false);
    }
}
