package dev.trent.server.query;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parameters of a query-protocol request ({@code Action=CreateUser&Version=2010-05-08&UserName=ana}), with
 * the checks AWS applies to a member before the action runs: presence, length and pattern, each refused with
 * AWS's ValidationError wording, which names the member in lower camel case.
 */
public final class QueryRequest {

    private final Map<String, String> parameters;

    private QueryRequest(Map<String, String> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    /** Parameters from an {@code application/x-www-form-urlencoded} body and a request-target's query string. */
    public static QueryRequest parse(String query, byte[] body) {
        Map<String, String> parameters = new HashMap<>();
        addPairs(parameters, query);
        addPairs(parameters, new String(body, StandardCharsets.UTF_8));
        return new QueryRequest(parameters);
    }

    public static QueryRequest of(Map<String, String> parameters) {
        return new QueryRequest(parameters);
    }

    private static void addPairs(Map<String, String> into, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            into.putIfAbsent(name, value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw QueryException.validation("The request parameters are not properly encoded.");
        }
    }

    /** Every parameter, by name. */
    public Map<String, String> parameters() {
        return parameters;
    }

    public Optional<String> action() {
        return Optional.ofNullable(parameters.get("Action"));
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** A member that must be present; refused as AWS refuses a null member. */
    public String required(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw QueryException.validation("1 validation error detected: Value null at '" + camel(name)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    /** A present member checked against its model's length bounds and pattern. */
    public String required(String name, int min, int max, Pattern pattern) {
        return check(name, required(name), min, max, pattern);
    }

    /** An optional member checked the same way when present. */
    public Optional<String> optional(String name, int min, int max, Pattern pattern) {
        return optional(name).map(value -> check(name, value, min, max, pattern));
    }

    /** An optional integer member within {@code [min, max]}. */
    public Optional<Integer> integer(String name, int min, int max) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int value;
        try {
            value = Integer.parseInt(text.get().strip());
        } catch (NumberFormatException e) {
            throw QueryException.validation("1 validation error detected: Value '" + text.get() + "' at '"
                    + camel(name) + "' failed to satisfy constraint: Member must be a number");
        }
        if (value < min) {
            throw QueryException.validation("1 validation error detected: Value '" + value + "' at '" + camel(name)
                    + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw QueryException.validation("1 validation error detected: Value '" + value + "' at '" + camel(name)
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
        return Optional.of(value);
    }

    /** The members of a list ({@code Name.member.1}, {@code Name.member.2}, ...), in order. */
    public List<String> list(String name) {
        List<String> values = new ArrayList<>();
        for (int i = 1; parameters.containsKey(name + ".member." + i); i++) {
            values.add(parameters.get(name + ".member." + i));
        }
        return values;
    }

    /** A list of structures: the fields of each member ({@code Name.member.N.Field}), in order. */
    public List<Map<String, String>> structures(String name) {
        List<Map<String, String>> members = new ArrayList<>();
        for (int i = 1; ; i++) {
            String prefix = name + ".member." + i + ".";
            Map<String, String> fields = new LinkedHashMap<>();
            parameters.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    fields.put(key.substring(prefix.length()), value);
                }
            });
            if (fields.isEmpty()) {
                return members;
            }
            members.add(fields);
        }
    }

    /**
     * Tags ({@code Tags.member.N.Key} and {@code .Value}) checked as IAM and STS check them: a key of 1 to 128
     * characters, a value of up to 256, both from letters, digits, spaces and {@code _.:/=+-@}; at most 50.
     */
    public Map<String, String> tags(String name) {
        Map<String, String> tags = new LinkedHashMap<>();
        List<Map<String, String>> members = structures(name);
        if (members.size() > 50) {
            throw QueryException.validation("1 validation error detected: Value at '" + camel(name)
                    + "' failed to satisfy constraint: Member must have length less than or equal to 50");
        }
        for (int i = 0; i < members.size(); i++) {
            Map<String, String> tag = members.get(i);
            String at = camel(name) + "." + (i + 1) + ".member.";
            String key = tag.get("Key");
            String value = tag.getOrDefault("Value", "");
            if (key == null) {
                throw QueryException.validation("1 validation error detected: Value null at '" + at
                        + "key' failed to satisfy constraint: Member must not be null");
            }
            checkAt(at + "key", key, 1, 128, Patterns.TAG);
            checkAt(at + "value", value, 0, 256, Patterns.TAG_VALUE);
            tags.put(key, value);
        }
        return tags;
    }

    private static String check(String name, String value, int min, int max, Pattern pattern) {
        return checkAt(camel(name), value, min, max, pattern);
    }

    private static String checkAt(String at, String value, int min, int max, Pattern pattern) {
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            throw QueryException.validation("1 validation error detected: Value '" + value + "' at '" + at
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            throw QueryException.validation("1 validation error detected: Value '" + value + "' at '" + at
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            throw QueryException.validation("1 validation error detected: Value '" + value + "' at '" + at
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + pattern.pattern());
        }
        return value;
    }

    /** {@code UserName} as AWS names it in a validation message: {@code userName}. */
    static String camel(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
