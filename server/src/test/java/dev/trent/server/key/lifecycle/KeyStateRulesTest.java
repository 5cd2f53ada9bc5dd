package dev.trent.server.key.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.trent.server.error.DisabledException;
import dev.trent.server.error.KMSInvalidStateException;
import dev.trent.server.error.KmsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every cell of the state x operation matrix against a transcription of AWS's key-state table
 * ({@code aws-key-state-table.csv}, whose header explains the notation and how the guide's conditional cells
 * are resolved).
 */
class KeyStateRulesTest {

    private static final String ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    /** The state errors of the guide's footnotes: exception type and the message after the ARN. */
    private record StateError(Class<? extends KmsException> type, String suffix) {
    }

    private static final Map<Integer, StateError> FOOTNOTES = Map.of(
            1, new StateError(DisabledException.class, " is disabled."),
            3, new StateError(KMSInvalidStateException.class, " is pending deletion."),
            4, new StateError(KMSInvalidStateException.class, " is not pending deletion."),
            5, new StateError(KMSInvalidStateException.class, " is pending import."),
            11, new StateError(KMSInvalidStateException.class, " is unavailable."),
            14, new StateError(KMSInvalidStateException.class, " is creating."),
            15, new StateError(KMSInvalidStateException.class, " is updating."));

    /** A plain cell: success (optionally annotated) or "X [n]" (optionally annotated). */
    private static final Pattern PLAIN = Pattern.compile("OK(\\[\\d+]|\\(no effect\\))?|(\\d+)(\\[\\d+])?");
    /** The guide's text of a cell that needs a resolution: "X [a] or [b]", "? [n]", "N/A", "X [n]". */
    private static final Pattern GUIDE = Pattern.compile("(\\d+)or(\\d+)|\\?\\d+|N/A|\\d+");

    private static final Map<KeyOperation, Map<KeyState, Optional<Integer>>> TABLE = new EnumMap<>(KeyOperation.class);
    private static final List<String> NOTATION_ERRORS = new ArrayList<>();

    @BeforeAll
    static void readTable() throws IOException {
        InputStream in = KeyStateRulesTest.class.getResourceAsStream("/aws-key-state-table.csv");
        assertNotNull(in, "table resource present");
        List<KeyState> columns = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells[0].equals("operation")) {
                    columns = new ArrayList<>();
                    for (int i = 1; i < cells.length; i++) {
                        columns.add(KeyState.valueOf(cells[i]));
                    }
                    continue;
                }
                assertNotNull(columns, "header before the rows");
                assertEquals(columns.size() + 1, cells.length, line);
                KeyOperation operation = KeyOperation.valueOf(cells[0]);
                Map<KeyState, Optional<Integer>> row = new EnumMap<>(KeyState.class);
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), expectation(operation + " in " + columns.get(i), cells[i + 1]));
                }
                assertEquals(null, TABLE.put(operation, row), "one row per operation: " + operation);
            }
        }
        assertEquals(List.of(KeyState.Enabled, KeyState.Disabled, KeyState.PendingDeletion, KeyState.PendingImport,
                KeyState.Unavailable, KeyState.Creating, KeyState.Updating), columns, "the guide's columns, in order");
    }

    /** Empty for success, else the footnote whose state error the cell expects. */
    private static Optional<Integer> expectation(String where, String cell) {
        String outcome = cell;
        int arrow = cell.indexOf("=>");
        if (arrow >= 0) {
            Matcher guide = GUIDE.matcher(cell.substring(0, arrow));
            outcome = cell.substring(arrow + 2);
            if (!guide.matches()) {
                NOTATION_ERRORS.add(where + ": unknown notation '" + cell + "'");
            } else if ("2".equals(guide.group(1)) && "3".equals(guide.group(2)) && !outcome.equals("3")) {
                NOTATION_ERRORS.add(where + ": 'X [2] or [3]' is [3] in AWS, not " + outcome);
            }
            if (!outcome.matches("OK|\\d+")) {
                NOTATION_ERRORS.add(where + ": resolution must be OK or a footnote, not '" + outcome + "'");
                return Optional.empty();
            }
        } else if (!PLAIN.matcher(cell).matches()) {
            NOTATION_ERRORS.add(where + ": '" + cell + "' needs a resolution (guide text=>OK or footnote)");
            return Optional.empty();
        }
        if (outcome.startsWith("OK")) {
            return Optional.empty();
        }
        int footnote = Integer.parseInt(outcome.replaceAll("\\[\\d+]$", ""));
        if (!FOOTNOTES.containsKey(footnote)) {
            NOTATION_ERRORS.add(where + ": footnote " + footnote + " is not a state error");
        }
        return Optional.of(footnote);
    }

    @Test
    void table_isWrittenInItsNotation_andNamesEveryOperationOnce() {
        assertEquals(List.of(), NOTATION_ERRORS);
        assertEquals(EnumSet.allOf(KeyOperation.class), TABLE.keySet());
    }

    @Test
    void everyCell_givesTheFootnotesExceptionAndMessage() {
        List<String> failures = new ArrayList<>();
        TABLE.forEach((operation, row) -> row.forEach((state, footnote) -> {
            String expected = footnote.map(n -> describe(FOOTNOTES.get(n), ARN + FOOTNOTES.get(n).suffix()))
                    .orElse("success");
            compare(failures, operation, state, expected);
        }));
        assertEquals(List.of(), failures);
    }

    @Test
    void pendingReplicaDeletion_followsThePendingDeletionColumn_withItsOwnMessage() {
        List<String> failures = new ArrayList<>();
        TABLE.forEach((operation, row) -> {
            String expected = row.get(KeyState.PendingDeletion)
                    .map(n -> n == 3
                            ? describe(FOOTNOTES.get(3), ARN + " is pending replica deletion.")
                            : describe(FOOTNOTES.get(n), ARN + FOOTNOTES.get(n).suffix()))
                    .orElse("success");
            compare(failures, operation, KeyState.PendingReplicaDeletion, expected);
        });
        assertEquals(List.of(), failures);
    }

    /** Checks rule(...).exceptionFor and check(...), which must agree. */
    private static void compare(List<String> failures, KeyOperation operation, KeyState state, String expected) {
        String fromRule = KeyStateRules.rule(operation, state).exceptionFor(ARN)
                .map(e -> describe(e.getClass(), e.getMessage())).orElse("success");
        String fromCheck;
        try {
            KeyStateRules.check(operation, state, ARN);
            fromCheck = "success";
        } catch (KmsException e) {
            fromCheck = describe(e.getClass(), e.getMessage());
        }
        if (!expected.equals(fromRule) || !expected.equals(fromCheck)) {
            failures.add(operation + " in " + state + ": expected " + expected + ", rule gives " + fromRule
                    + ", check gives " + fromCheck);
        }
    }

    private static String describe(StateError error, String message) {
        return describe(error.type(), message);
    }

    private static String describe(Class<?> type, String message) {
        return type.getSimpleName() + " '" + message.replace(ARN, "<arn>") + "'";
    }
}
