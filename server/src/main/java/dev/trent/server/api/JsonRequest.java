package dev.trent.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.error.SerializationException;
import dev.trent.server.error.ValidationException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A request body, read member by member with the model's constraints. Type mismatches fail at once with
 * SerializationException, as AWS's deserializer does; constraint violations are collected and reported
 * together by {@link #validate()} in AWS's grammar:
 * {@code 1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must
 * have value greater than or equal to 1}.
 */
public final class JsonRequest {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIMESTAMP_OUT_OF_RANGE = "Timestamp value out of range";

    private final ObjectNode body;
    /** Where this body sits in the request, as AWS prints member paths: empty, or e.g. {@code recipient.}. */
    private final String prefix;
    /** Shared by a request and the structures nested in it, so one message reports them all. */
    private final List<String> violations;
    private final List<String> grantTokens;
    private Consumer<List<String>> grantTokenCheck;

    private JsonRequest(ObjectNode body) {
        this(body, "", new ArrayList<>(), new ArrayList<>());
    }

    private JsonRequest(ObjectNode body, String prefix, List<String> violations, List<String> grantTokens) {
        this.body = body;
        this.prefix = prefix;
        this.violations = violations;
        this.grantTokens = grantTokens;
    }

    /**
     * Checks the request's grant tokens once its constraints hold: {@code check} refuses any token that was not
     * minted here, so a bad token is refused before the operation acts, as AWS does.
     */
    public void checkGrantTokensWith(Consumer<List<String>> check) {
        this.grantTokenCheck = check;
    }

    /** Records grant tokens read from the request, for the check {@link #validate()} runs. */
    void addGrantTokens(List<String> tokens) {
        grantTokens.addAll(tokens);
    }

    private String at(String member) {
        return prefix + path(member);
    }

    /** Parses a body; an empty body is an empty request, as the protocol allows. */
    public static JsonRequest parse(byte[] bytes) {
        if (bytes.length == 0) {
            return new JsonRequest(JSON.createObjectNode());
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Malformed JSON: the request body is not valid JSON.");
        } catch (java.io.IOException e) {
            throw new SerializationException("The request body could not be read.");
        }
        if (tree == null || tree.isMissingNode()) {
            return new JsonRequest(JSON.createObjectNode());
        }
        if (!tree.isObject()) {
            throw new SerializationException("Start of list found where not expected.");
        }
        return new JsonRequest((ObjectNode) tree);
    }

    /** The body as plain values (strings, numbers, booleans, maps and lists), the way policies read members. */
    @SuppressWarnings("unchecked")
    Map<String, Object> members() {
        return JSON.convertValue(body, Map.class);
    }

    /** One member as a plain value, or null when absent; cheaper than {@link #members()} when one is wanted. */
    Object member(String name) {
        JsonNode node = body.get(name);
        return node == null || node.isNull() ? null : JSON.convertValue(node, Object.class);
    }

    /** The member path AWS prints: the member name with a lower-case first letter. */
    static String path(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    private Optional<JsonNode> node(String member) {
        JsonNode n = body.get(member);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    public boolean has(String member) {
        return node(member).isPresent();
    }

    public Optional<String> string(String member, int min, int max) {
        Optional<String> value = node(member).map(n -> asText(n));
        value.ifPresent(v -> checkLength("'" + v + "' ", at(member), v.length(), min, max));
        return value;
    }

    /**
     * A string member with the model's length range and pattern; {@code shownPattern} is the pattern as AWS
     * prints it in the violation message. Each constraint is checked on its own, the pattern first, as AWS
     * reports them.
     */
    public Optional<String> string(String member, int min, int max, java.util.regex.Pattern pattern,
                                   String shownPattern) {
        Optional<String> value = node(member).map(n -> asText(n));
        value.ifPresent(v -> checkString(v, at(member), min, max, pattern, shownPattern));
        return value;
    }

    /** A string member with the model's length range and one of the model's patterns. */
    public Optional<String> string(String member, int min, int max, ModelPatterns pattern) {
        return string(member, min, max, pattern.pattern(), pattern.shown());
    }

    /** A required string member with the model's length range and one of the model's patterns. */
    public String requiredString(String member, int min, int max, ModelPatterns pattern) {
        return requiredString(member, min, max, pattern.pattern(), pattern.shown());
    }

    /** A required string member with the model's length range and pattern. */
    public String requiredString(String member, int min, int max, java.util.regex.Pattern pattern,
                                 String shownPattern) {
        Optional<String> value = string(member, min, max, pattern, shownPattern);
        if (value.isEmpty()) {
            violations.add("Value null at '" + at(member) + "' failed to satisfy constraint: Member must not be null");
        }
        return value.orElse(null);
    }

    /** A string member the model marks sensitive: a violation message does not show its value, as for blobs. */
    public Optional<String> sensitiveString(String member, int min, int max) {
        Optional<String> value = node(member).map(n -> asText(n));
        value.ifPresent(v -> checkLength("", at(member), v.length(), min, max));
        return value;
    }

    /** A sensitive string member with a pattern: like {@link #sensitiveString}, its value is never shown. */
    public Optional<String> sensitiveString(String member, int min, int max, ModelPatterns pattern) {
        Optional<String> value = node(member).map(n -> asText(n));
        value.ifPresent(v -> {
            if (!pattern.pattern().matcher(v).matches()) {
                violations.add(valueAt("", at(member)) + "Member must satisfy regular expression pattern: "
                        + pattern.shown());
            }
            checkLength("", at(member), v.length(), min, max);
        });
        return value;
    }

    public String requiredString(String member, int min, int max) {
        Optional<String> value = string(member, min, max);
        if (value.isEmpty()) {
            violations.add("Value null at '" + at(member) + "' failed to satisfy constraint: Member must not be null");
        }
        return value.orElse(null);
    }

    /** Records AWS's "must not be null" violation when a required member of any type is absent. */
    public void required(String member) {
        if (!has(member)) {
            violations.add("Value null at '" + at(member) + "' failed to satisfy constraint: Member must not be null");
        }
    }

    public Optional<byte[]> blob(String member, int min, int max) {
        Optional<byte[]> value = node(member).map(n -> decodeBase64(asText(n)));
        value.ifPresent(v -> checkLength("", at(member), v.length, min, max));
        return value;
    }

    public byte[] requiredBlob(String member, int min, int max) {
        Optional<byte[]> value = blob(member, min, max);
        if (value.isEmpty()) {
            violations.add("Value null at '" + at(member) + "' failed to satisfy constraint: Member must not be null");
        }
        return value.orElse(null);
    }

    public Optional<Integer> integer(String member, int min, int max) {
        Optional<Integer> value = node(member).map(n -> {
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw new SerializationException(kind(n) + " can not be converted to an Integer");
            }
            return n.intValue();
        });
        value.ifPresent(v -> {
            if (v < min) {
                violations.add(valueAt("'" + v + "' ", at(member)) + "Member must have value greater than or equal to " + min);
            } else if (v > max) {
                violations.add(valueAt("'" + v + "' ", at(member)) + "Member must have value less than or equal to " + max);
            }
        });
        return value;
    }

    /** A timestamp member: epoch seconds, possibly with a fraction, as awsJson1.1 sends it. */
    public Optional<java.time.Instant> timestamp(String member) {
        return node(member).map(n -> {
            if (!n.isNumber()) {
                throw new SerializationException(kind(n) + " can not be converted to a Timestamp");
            }
            // 1e400 parses as an infinite double, which has no decimal value at all.
            if (n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue()) && !n.isBigDecimal()) {
                throw new SerializationException(TIMESTAMP_OUT_OF_RANGE);
            }
            try {
                java.math.BigDecimal millis = n.decimalValue().movePointRight(3);
                return java.time.Instant.ofEpochMilli(
                        millis.setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
            } catch (ArithmeticException | java.time.DateTimeException e) {
                throw new SerializationException(TIMESTAMP_OUT_OF_RANGE);
            }
        });
    }

    public boolean bool(String member) {
        return node(member).map(n -> {
            if (!n.isBoolean()) {
                throw new SerializationException(kind(n) + " can not be converted to a Boolean");
            }
            return n.booleanValue();
        }).orElse(false);
    }

    /**
     * An enum member, checked against the model's value set. {@code awsOrder} is the order AWS prints the set
     * in its message, which is not the model's order for every enum.
     */
    public <E extends Enum<E>> Optional<E> enumValue(String member, Class<E> type, List<String> awsOrder) {
        Optional<String> text = node(member).map(n -> asText(n));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text.get())) {
                return Optional.of(constant);
            }
        }
        violations.add(valueAt("'" + text.get() + "' ", at(member))
                + "Member must satisfy enum value set: [" + String.join(", ", awsOrder) + "]");
        return Optional.empty();
    }

    public <E extends Enum<E>> Optional<E> enumValue(String member, Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return enumValue(member, type, names);
    }

    /** A string-to-string map such as EncryptionContext; absent reads as empty. */
    public Map<String, String> stringMap(String member) {
        Map<String, String> out = new LinkedHashMap<>();
        node(member).ifPresent(n -> {
            if (!n.isObject()) {
                throw new SerializationException(notExpected(n));
            }
            n.fields().forEachRemaining(e -> out.put(e.getKey(), asText(e.getValue())));
        });
        return out;
    }

    /**
     * A nested structure member, read like a request of its own; its violations carry its path (e.g.
     * {@code recipient.attestationDocument}) and are reported with the enclosing request's. Empty when absent.
     */
    public Optional<JsonRequest> structure(String member) {
        return node(member).map(n -> {
            if (!n.isObject()) {
                throw new SerializationException(notExpected(n));
            }
            return new JsonRequest((ObjectNode) n, at(member) + ".", violations, grantTokens);
        });
    }

    /**
     * A list of enum names; an unknown name is reported once for the whole list, in AWS's grammar for enum
     * lists. Unknown names are left out of the answer.
     */
    public <E extends Enum<E>> List<E> enumList(String member, Class<E> type, List<String> awsOrder) {
        List<String> names = list(member, Integer.MAX_VALUE, (node, path, r) -> asText(node));
        List<E> out = new ArrayList<>();
        boolean allKnown = true;
        for (String name : names) {
            E known = null;
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    known = constant;
                }
            }
            if (known == null) {
                allKnown = false;
            } else {
                out.add(known);
            }
        }
        if (!allKnown) {
            violations.add(valueAt("'[" + String.join(", ", names) + "]' ", at(member))
                    + "Member must satisfy constraint: [Member must satisfy enum value set: ["
                    + String.join(", ", awsOrder) + "]]");
        }
        return out;
    }

    /** A list of structures or strings, each read by {@code element} with its 1-based index. */
    public <T> List<T> list(String member, int maxItems, ElementReader<T> element) {
        List<T> out = new ArrayList<>();
        node(member).ifPresent(n -> {
            if (!n.isArray()) {
                throw new SerializationException(notExpected(n));
            }
            for (int i = 0; i < n.size(); i++) {
                out.add(element.read(n.get(i), at(member) + "." + (i + 1) + ".member", this));
            }
            if (n.size() > maxItems) {
                violations.add(valueAt("", at(member)) + "Member must have length less than or equal to " + maxItems);
            }
        });
        return out;
    }

    /** The string elements of a list member, looked at without checking or recording anything. */
    public List<String> peekTexts(String member) {
        List<String> out = new ArrayList<>();
        node(member).filter(JsonNode::isArray).ifPresent(n -> n.forEach(e -> {
            if (e.isTextual()) {
                out.add(e.textValue());
            }
        }));
        return out;
    }

    /** Reads one list element; {@code path} is AWS's element path, e.g. {@code tags.1.member}. */
    @FunctionalInterface
    public interface ElementReader<T> {
        T read(JsonNode node, String path, JsonRequest request);
    }

    /** A string inside a list element, with AWS's element path. */
    public String elementString(JsonNode node, String member, String path, int min, int max) {
        JsonNode n = node.get(member);
        String fieldPath = path + "." + path(member);
        if (n == null || n.isNull()) {
            violations.add("Value null at '" + fieldPath + "' failed to satisfy constraint: Member must not be null");
            return null;
        }
        String value = asText(n);
        checkLength("'" + value + "' ", fieldPath, value.length(), min, max);
        return value;
    }

    /** A plain string element of a list. */
    public String elementText(JsonNode node, String path, int min, int max) {
        String value = asText(node);
        checkLength("'" + value + "' ", path, value.length(), min, max);
        return value;
    }

    /**
     * Throws AWS's ValidationException when any constraint failed; then refuses any grant token that was not
     * minted here, when a check was installed.
     */
    public void validate() {
        if (!violations.isEmpty()) {
            String count = violations.size() == 1 ? "1 validation error detected: "
                    : violations.size() + " validation errors detected: ";
            throw new ValidationException(count + String.join("; ", violations));
        }
        if (grantTokenCheck != null && !grantTokens.isEmpty()) {
            List<String> tokens = List.copyOf(grantTokens);
            grantTokens.clear();
            grantTokenCheck.accept(tokens);
        }
    }

    private void checkString(String value, String path, int min, int max, java.util.regex.Pattern pattern,
                             String shownPattern) {
        if (!pattern.matcher(value).matches()) {
            violations.add(valueAt("'" + value + "' ", path) + "Member must satisfy regular expression pattern: "
                    + shownPattern);
        }
        checkLength("'" + value + "' ", path, value.length(), min, max);
    }

    private void checkLength(String shownValue, String path, int length, int min, int max) {
        if (length < min) {
            violations.add(valueAt(shownValue, path) + "Member must have length greater than or equal to " + min);
        } else if (length > max) {
            violations.add(valueAt(shownValue, path) + "Member must have length less than or equal to " + max);
        }
    }

    private static String valueAt(String shownValue, String path) {
        return "Value " + shownValue + "at '" + path + "' failed to satisfy constraint: ";
    }

    private static String asText(JsonNode n) {
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isObject() || n.isArray()) {
            throw new SerializationException(notExpected(n));
        }
        throw new SerializationException(kind(n) + " can not be converted to a String");
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Base64 encoded blob is not valid: " + e.getMessage());
        }
    }

    private static String notExpected(JsonNode n) {
        return n.isArray() ? "Start of list found where not expected."
                : n.isObject() ? "Start of structure or map found where not expected."
                : kind(n) + " found where not expected.";
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case NUMBER -> "NUMBER_VALUE";
            case STRING -> "STRING_VALUE";
            case BOOLEAN -> "BOOLEAN_VALUE";
            case ARRAY -> "LIST";
            case OBJECT -> "STRUCTURE";
            default -> n.getNodeType().name().toUpperCase(Locale.ROOT);
        };
    }
}
