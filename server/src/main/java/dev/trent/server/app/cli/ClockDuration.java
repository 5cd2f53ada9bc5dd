package dev.trent.server.app.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people type them for {@code trent clock advance}: a whole number and one unit, {@code s},
 * {@code m}, {@code h}, {@code d}, {@code w} (7 days) or {@code y} (365 days, the way KMS counts rotation
 * periods), as in {@code 90s}, {@code 8d} or {@code 1y}; and the way offsets are shown back ({@code 8d},
 * {@code 1d 12h}).
 */
final class ClockDuration implements ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,12})([smhdwy])");

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /** @throws TypeConversionException (a usage error) for anything but a positive number with a unit */
    static Duration parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new TypeConversionException("'" + text + "' is not a duration; use a number and a unit: s, m, h,"
                    + " d, w or y (for example 90s, 30m, 12h, 8d, 2w, 1y)");
        }
        long amount = Long.parseLong(m.group(1));
        if (amount == 0) {
            throw new TypeConversionException("the clock only moves forward; '" + text + "' is no time at all");
        }
        long unitSeconds = switch (m.group(2)) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3_600;
            case "d" -> 86_400;
            case "w" -> 7 * 86_400;
            default -> 365 * 86_400;
        };
        if (amount > Long.MAX_VALUE / unitSeconds) {
            throw new TypeConversionException("'" + text + "' is too long");
        }
        return Duration.ofSeconds(amount * unitSeconds);
    }

    /** {@code 8d}, {@code 1d 12h}, {@code 1m 30s}; {@code 0s} for none. Whole seconds only. */
    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return "0s";
        }
        List<String> parts = new ArrayList<>();
        String sign = seconds < 0 ? "-" : "";
        long rest = Math.abs(seconds);
        long[] units = {86_400, 3_600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (rest >= units[i]) {
                parts.add(rest / units[i] + names[i]);
                rest %= units[i];
            }
        }
        return sign + String.join(" ", parts);
    }
}
