package dev.trent.server.key.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.error.DisabledException;
import dev.trent.server.error.KMSInvalidStateException;
import dev.trent.server.error.KmsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every cell of the state x operation matrix against a transcription of AWS's key-state table. */
class KeyStateRulesTest {

    private static final String ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final KeyState[] COLUMNS = {
        KeyState.Enabled, KeyState.Disabled, KeyState.PendingDeletion, KeyState.PendingImport,
        KeyState.Unavailable, KeyState.Creating, KeyState.Updating,
    };
    private static final Map<String, String> FOOTNOTE_MESSAGES = Map.of(
            "1", "is disabled.", "3", "is pending deletion.", "4", "is not pending deletion.",
            "5", "is pending import.", "11", "is unavailable.", "14", "is creating.", "15", "is updating.");

    @Test
    void everyCell_matchesAwsKeyStateTable() throws IOException {
        List<String> failures = new ArrayList<>();
        Set<KeyOperation> covered = EnumSet.noneOf(KeyOperation.class);
        for (String[] row : table()) {
            KeyOperation operation = KeyOperation.valueOf(row[0]);
            covered.add(operation);
            for (int i = 0; i < COLUMNS.length; i++) {
                String problem = check(operation, COLUMNS[i], row[i + 1]);
                if (problem != null) {
                    failures.add(operation + " in " + COLUMNS[i] + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(EnumSet.allOf(KeyOperation.class), covered, "every operation has a row");
    }

    @Test
    void pendingReplicaDeletion_followsPendingDeletionColumn_withItsOwnMessage() {
        for (KeyOperation operation : KeyOperation.values()) {
            StateRule pendingDeletion = KeyStateRules.rule(operation, KeyState.PendingDeletion);
            StateRule replica = KeyStateRules.rule(operation, KeyState.PendingReplicaDeletion);
            StateRule expected = pendingDeletion == StateRule.PENDING_DELETION
                    ? StateRule.PENDING_REPLICA_DELETION : pendingDeletion;
            assertEquals(expected, replica, operation.name());
        }
        assertEquals(ARN + " is pending replica deletion.",
                StateRule.PENDING_REPLICA_DELETION.exceptionFor(ARN).orElseThrow().getMessage());
    }

    private static String check(KeyOperation operation, KeyState state, String cell) {
        Optional<KmsException> actual = KeyStateRules.rule(operation, state).exceptionFor(ARN);
        if (cell.equals("OK")) {
            return actual.map(e -> "expected success, got " + e.errorType()).orElse(null);
        }
        if (actual.isEmpty()) {
            return "expected footnote " + cell + ", got success";
        }
        Class<?> expectedType = cell.equals("1") ? DisabledException.class : KMSInvalidStateException.class;
        String expectedMessage = ARN + " " + FOOTNOTE_MESSAGES.get(cell);
        KmsException e = actual.get();
        if (e.getClass() != expectedType || !expectedMessage.equals(e.getMessage())) {
            return "expected " + expectedType.getSimpleName() + " '" + expectedMessage + "', got "
                    + e.errorType() + " '" + e.getMessage() + "'";
        }
        return null;
    }

    private static List<String[]> table() throws IOException {
        var in = KeyStateRulesTest.class.getResourceAsStream("/aws-key-state-table.csv");
        assertTrue(in != null, "table resource present");
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("operation,")) {
                    continue;
                }
                String[] cells = line.split(",");
                assertEquals(COLUMNS.length + 1, cells.length, line);
                rows.add(cells);
            }
        }
        return rows;
    }
}
