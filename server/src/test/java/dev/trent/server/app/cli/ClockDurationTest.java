package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** Durations for {@code trent clock advance}, read from what people type and shown back. */
class ClockDurationTest {

    @ParameterizedTest
    @CsvSource({"90s, 90", "30m, 1800", "12h, 43200", "8d, 691200", "2w, 1209600", "1y, 31536000",
            "' 8d ', 691200"})
    void parse_numberAndUnit(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), ClockDuration.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8", "d", "8D", "8 d", "1d12h", "-1d", "1.5d", "0s", "0d", "8x",
            "9999999999999y", "999999999999y"})
    void parse_refusesAnythingElse(String text) {
        assertThrows(TypeConversionException.class, () -> ClockDuration.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "90, 1m 30s", "691200, 8d", "129600, 1d 12h", "31536000, 365d", "3661, 1h 1m 1s"})
    void format_largestUnitsFirst(long seconds, String shown) {
        assertEquals(shown, ClockDuration.format(Duration.ofSeconds(seconds)));
    }
}
