package dev.trent.server.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Form decoding, list and structure members, and AWS's validation wording. */
class QueryRequestTest {

    @Test
    void formBody_isDecoded_withListsAndTags() {
        QueryRequest request = QueryRequest.parse("", ("Action=AssumeRole&Policy=%7B%22a%22%3A+1%7D"
                + "&ActionNames.member.1=kms%3ASign&ActionNames.member.2=kms%3ADecrypt"
                + "&Tags.member.1.Key=team&Tags.member.1.Value=blue&Tags.member.2.Key=env&Tags.member.2.Value=")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals("AssumeRole", request.action().orElseThrow());
        assertEquals("{\"a\": 1}", request.required("Policy"));
        assertEquals(List.of("kms:Sign", "kms:Decrypt"), request.list("ActionNames"));
        assertEquals(Map.of("team", "blue", "env", ""), request.tags("Tags"));
    }

    @Test
    void lengthAndPatternAndRange_areRefusedWithAwsWording() {
        QueryRequest request = QueryRequest.of(Map.of("RoleSessionName", "x", "DurationSeconds", "60",
                "UserName", "a/b"));

        assertEquals("1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint:"
                + " Member must have length greater than or equal to 2", assertThrows(QueryException.class,
                () -> request.required("RoleSessionName", 2, 64, Patterns.SESSION_NAME)).getMessage());
        assertEquals("1 validation error detected: Value '60' at 'durationSeconds' failed to satisfy constraint:"
                + " Member must have value greater than or equal to 900", assertThrows(QueryException.class,
                () -> request.integer("DurationSeconds", 900, 43200)).getMessage());
        QueryException pattern = assertThrows(QueryException.class,
                () -> request.required("UserName", 1, 64, Patterns.NAME));
        assertEquals(QueryError.VALIDATION_ERROR, pattern.error());
        assertEquals("1 validation error detected: Value 'a/b' at 'userName' failed to satisfy constraint: Member"
                + " must satisfy regular expression pattern: [\\w+=,.@-]+", pattern.getMessage());
    }

    @Test
    void badTagKey_namesItsPlaceInTheList() {
        QueryRequest request = QueryRequest.of(Map.of("Tags.member.1.Key", "ok", "Tags.member.2.Key", "no*star"));

        assertEquals("1 validation error detected: Value 'no*star' at 'tags.2.member.key' failed to satisfy"
                + " constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
                assertThrows(QueryException.class, () -> request.tags("Tags")).getMessage());
    }
}
