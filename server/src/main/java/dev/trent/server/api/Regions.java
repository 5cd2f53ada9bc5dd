package dev.trent.server.api;

import dev.trent.server.error.InvalidSignatureException;
import java.util.regex.Pattern;

/**
 * The model's RegionType: 1 to 32 characters of the form {@code us-east-1}. The same rule holds the Region a
 * caller's credential scope names, since every ARN and stored record of that caller carries it.
 */
public final class Regions {

    private static final int MAX_LENGTH = 32;
    private static final Pattern REGION = Pattern.compile("([a-z]+-){2,3}\\d+");
    private static final String REGION_SHOWN = "^([a-z]+-){2,3}\\d+$";

    private Regions() {
    }

    /** The required Region member {@code member}; a missing or malformed value is a recorded violation. */
    public static String required(JsonRequest request, String member) {
        request.required(member);
        return request.string(member, 1, MAX_LENGTH, REGION, REGION_SHOWN).orElse(null);
    }

    /** Refuses a credential scope whose Region is not named as AWS names Regions, as AWS's signature check does. */
    public static void checkCredentialScope(String region) {
        if (!isRegion(region)) {
            throw InvalidSignatureException.invalidRegion(region);
        }
    }

    static boolean isRegion(String region) {
        return region != null && region.length() <= MAX_LENGTH && REGION.matcher(region).matches();
    }
}
