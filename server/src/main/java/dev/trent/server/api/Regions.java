package dev.trent.server.api;

import java.util.regex.Pattern;

/** The model's RegionType: 1 to 32 characters of the form {@code us-east-1}. */
public final class Regions {

    private static final Pattern REGION = Pattern.compile("([a-z]+-){2,3}\\d+");
    private static final String REGION_SHOWN = "^([a-z]+-){2,3}\\d+$";

    private Regions() {
    }

    /** The required Region member {@code member}; a missing or malformed value is a recorded violation. */
    public static String required(JsonRequest request, String member) {
        request.required(member);
        return request.string(member, 1, 32, REGION, REGION_SHOWN).orElse(null);
    }
}
