package dev.trent.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.key.Scope;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every member of every operation in the model, sent with values a deserializer must refuse (numbers out of
 * range, wrong JSON types, nested structures where scalars belong, timestamps beyond any date, invalid UTF-8 and
 * base64, over-long strings), alone and beside a real key's id. Each must be a client error of AWS's validation
 * family, never a 500. The member table ({@code api/input-members.tsv}) lists the model's input members with
 * their shape types and length bounds.
 */
class MalformedMembersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestContext CONTEXT =
            new RequestContext(new Scope("111122223333", "us-east-1"), "7d1c2e4a-3b5f-4c6d-8e9f-0a1b2c3d4e5f");
    private static final Set<String> VALIDATION_FAMILY = Set.of("ValidationException", "SerializationException");
    /**
     * A policy of 100,000 characters is within PolicyType's model bound (131,072) but beyond the key policy size
     * quota (32 KB), which KMS reports as LimitExceededException.
     */
    private static final String POLICY_OVER_QUOTA = "LimitExceededException";
    /** A JSON string whose bytes are not UTF-8: 0xC3 starts a two-byte sequence that 0x28 does not continue. */
    private static final byte[] INVALID_UTF8 = {'"', (byte) 0xC3, 0x28, '"'};

    private record Member(String operation, String path, String type, int maxLength) {
    }

    private final Storage storage = Storage.inMemory();
    private final Dispatcher dispatcher = new Dispatcher(new OperationRegistry(
            Services.over(KeyRepository.load(storage.barrier()), Clock.systemUTC())));

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void everyMalformedMemberOfEveryOperation_isAValidationFamilyError_never500() throws IOException {
        String keyArn = JSON.readTree(dispatcher.dispatch("TrentService.CreateKey", new byte[0], CONTEXT).body())
                .at("/KeyMetadata/Arn").asText();
        List<Member> members = members();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Member member : members) {
            for (byte[] value : malformedValues(member)) {
                for (boolean withKey : new boolean[] {false, true}) {
                    if (withKey && (member.path().equals("KeyId") || !hasKeyId(members, member.operation()))) {
                        continue;
                    }
                    byte[] body = body(member.path(), value, withKey ? keyArn : null);
                    Dispatcher.Result result = dispatcher.dispatch("TrentService." + member.operation(), body, CONTEXT);
                    requests++;
                    String type = result.body().length == 0 ? "" : JSON.readTree(result.body()).path("__type").asText();
                    boolean expected = VALIDATION_FAMILY.contains(type)
                            || (member.path().equals("Policy") && type.equals(POLICY_OVER_QUOTA));
                    if (result.status() != 400 || !expected) {
                        failures.add(member.operation() + " " + new String(body, StandardCharsets.UTF_8).substring(0,
                                Math.min(body.length, 160)) + " -> " + result.status() + " "
                                + new String(result.body(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + requests + " requests");
        assertTrue(requests > 2000, "the table reached every member: " + requests);
    }

    private static boolean hasKeyId(List<Member> members, String operation) {
        return members.stream().anyMatch(m -> m.operation().equals(operation) && m.path().equals("KeyId"));
    }

    /** Values no member of {@code member}'s type accepts. */
    private static List<byte[]> malformedValues(Member member) {
        List<String> values = new ArrayList<>(List.of("{\"a\":{\"b\":1}}", "[{\"a\":[1]}]", "1e400", "-1e400",
                "123456789012345678901234567890"));
        switch (member.type()) {
            case "string" -> {
                values.add("\"" + "x".repeat(100_000) + "\"");
                if (member.maxLength() > 0) {
                    values.add("\"" + "k".repeat(member.maxLength() + 1) + "\"");
                }
                values.add("-0");
                values.add("true");
            }
            case "blob" -> {
                values.addAll(List.of("\"!!!not base64\"", "\"AA=\"", "\"====\"", "-0", "true"));
                if (member.maxLength() > 0) {
                    values.add("\"" + java.util.Base64.getEncoder().encodeToString(
                            new byte[member.maxLength() + 1]) + "\"");
                }
            }
            case "integer" -> values.addAll(List.of("2147483648", "-2147483649", "1.5", "-0", "\"12\"", "true"));
            case "timestamp" -> values.addAll(List.of("1e300", "-1e300", "9.3e18", "\"2030-01-01T00:00:00Z\"",
                    "true"));
            case "boolean" -> values.addAll(List.of("\"true\"", "1", "-0"));
            case "map" -> values.addAll(List.of("[\"a\"]", "\"a=b\"", "{\"a\":1e400}", "{\"a\":{\"b\":\"c\"}}",
                    "{\"a\":[\"b\"]}", "-0"));
            case "structure" -> {
                // An object with unknown members is a well-formed structure: AWS ignores members it does not know.
                values.remove(0);
                values.addAll(List.of("\"text\"", "-0", "true"));
            }
            case "list-of-string" -> values.addAll(List.of("\"text\"", "[1e400]", "[{\"a\":\"b\"}]", "[[\"a\"]]",
                    "[\"" + "x".repeat(100_000) + "\"]", "-0"));
            case "list-of-structure" -> values.addAll(List.of("\"text\"", "[\"text\"]", "[1e400]", "[[{}]]", "-0"));
            default -> throw new IllegalStateException("no malformed values for " + member.type());
        }
        List<byte[]> out = new ArrayList<>();
        values.forEach(v -> out.add(v.getBytes(StandardCharsets.UTF_8)));
        if (!member.type().equals("boolean") && !member.type().equals("integer")) {
            out.add(INVALID_UTF8);
        }
        return out;
    }

    /** {@code {"A":v}}, {@code {"A":{"B":v}}} or {@code {"A":[{"B":v}]}}, with a KeyId beside it when given. */
    private static byte[] body(String path, byte[] value, String keyArn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String open;
        String close;
        if (path.contains("[].")) {
            String[] parts = path.split("\\[\\]\\.");
            open = "{\"" + parts[0] + "\":[{\"" + parts[1] + "\":";
            close = "}]";
        } else if (path.contains(".")) {
            String[] parts = path.split("\\.");
            open = "{\"" + parts[0] + "\":{\"" + parts[1] + "\":";
            close = "}";
        } else {
            open = "{\"" + path + "\":";
            close = "";
        }
        out.writeBytes(open.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(value);
        out.writeBytes(close.getBytes(StandardCharsets.UTF_8));
        if (keyArn != null) {
            out.writeBytes((",\"KeyId\":\"" + keyArn + "\"").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static List<Member> members() throws IOException {
        List<Member> out = new ArrayList<>();
        try (InputStream in = MalformedMembersTest.class.getResourceAsStream("/api/input-members.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Member(f[0], f[1], f[2], f[3].equals("-") ? -1 : Integer.parseInt(f[3])));
            }
        }
        assertEquals(54, out.stream().map(Member::operation).distinct().count(), "every operation of the model");
        return out;
    }
}
