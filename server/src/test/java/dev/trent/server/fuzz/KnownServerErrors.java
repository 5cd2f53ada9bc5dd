package dev.trent.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.http.SigV4Scope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Inputs known to be answered 500, whose fix is under way separately; the fuzz targets let exactly these
 * through, so the fuzzers keep finding new bugs instead of these again. Each method goes when its fix lands.
 */
final class KnownServerErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than any AWS Region name; the 500 needs one of hundreds of characters. */
    private static final int MAX_REGION_LENGTH = 32;

    private KnownServerErrors() {
    }

    /**
     * ImportKeyMaterial whose ValidTo is a number too large for a double (such as {@code 1e400}): the timestamp
     * reader does not yet turn it into a SerializationException.
     */
    static boolean validToBeyondDouble(String target, byte[] body) {
        if (!"TrentService.ImportKeyMaterial".equals(target)) {
            return false;
        }
        try {
            JsonNode validTo = JSON.readTree(body).path("ValidTo");
            return validTo.isNumber() && !Double.isFinite(validTo.doubleValue());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A request signed with a SigV4 credential scope whose Region is longer than any Region name: the Region is
     * not yet checked before it reaches ARNs and storage.
     */
    static boolean overlongCredentialRegion(byte[] request) {
        for (String line : new String(request, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("authorization")) {
                boolean overlong = SigV4Scope.parse(line.substring(colon + 1).trim())
                        .filter(scope -> scope.region().length() > MAX_REGION_LENGTH).isPresent();
                if (overlong) {
                    return true;
                }
            }
        }
        return false;
    }
}
