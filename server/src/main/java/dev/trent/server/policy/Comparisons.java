package dev.trent.server.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.IntPredicate;

/**
 * How each family of condition operators compares one request value with one policy value, in its positive
 * form. A value that does not read as the family's type (a number, a date, an address) matches nothing.
 */
final class Comparisons {

    private Comparisons() {
    }

    static boolean numeric(String contextValue, String policyValue, IntPredicate order) {
        BigDecimal a = number(contextValue);
        BigDecimal b = number(policyValue);
        return a != null && b != null && order.test(a.compareTo(b));
    }

    static boolean date(String contextValue, String policyValue, IntPredicate order) {
        Instant a = instant(contextValue);
        Instant b = instant(policyValue);
        return a != null && b != null && order.test(a.compareTo(b));
    }

    static boolean bool(String contextValue, String policyValue) {
        return isBoolean(contextValue) && contextValue.equalsIgnoreCase(policyValue);
    }

    static boolean ip(String contextValue, String policyValue) {
        IpRange range = IpRange.parse(policyValue);
        return range != null && range.contains(contextValue);
    }

    static boolean binary(String contextValue, String policyValue) {
        try {
            return Arrays.equals(Base64.getDecoder().decode(contextValue),
                    Base64.getDecoder().decode(policyValue));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isBoolean(String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ISO 8601 in the W3C profiles (a date, or a date and time with an offset or Z), or epoch seconds. */
    static Instant instant(String value) {
        String v = value.trim();
        if (v.matches("-?\\d+(\\.\\d+)?")) {
            BigDecimal seconds = new BigDecimal(v);
            try {
                return Instant.ofEpochSecond(seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
            } catch (ArithmeticException | java.time.DateTimeException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // Not a full date-time with an offset; try the shorter W3C forms.
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // Nor a local date-time.
        }
        try {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
