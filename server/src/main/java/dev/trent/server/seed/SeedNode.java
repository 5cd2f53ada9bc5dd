package dev.trent.server.seed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One value of a seed file (mapping, list or scalar) with where it starts, so that every error can name its line.
 * Jackson's tree model drops locations, hence this small tree read from the token stream; it serves YAML and JSON
 * alike. Scalars keep their text as written: {@code 000000000000} stays twelve digits.
 */
public final class SeedNode {

    /** A place in a seed file; lines and columns count from 1. */
    public record Location(Path file, int line, int column) {
        @Override
        public String toString() {
            return file + ", line " + line + ", column " + column;
        }
    }

    private enum Kind { MAP, LIST, TEXT, NUMBER, BOOLEAN, NULL }

    private final Location at;
    private final Kind kind;
    private final Map<String, SeedNode> fields;
    private final List<SeedNode> items;
    private final String text;

    private SeedNode(Location at, Kind kind, Map<String, SeedNode> fields, List<SeedNode> items, String text) {
        this.at = at;
        this.kind = kind;
        this.fields = fields;
        this.items = items;
        this.text = text;
    }

    /** Reads the value at the parser's current token, and everything inside it. */
    static SeedNode read(JsonParser parser, Path file) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        Location at = new Location(file, start.getLineNr(), start.getColumnNr());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, SeedNode> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonLocation nameAt = parser.currentTokenLocation();
                    parser.nextToken();
                    if (fields.containsKey(name)) {
                        throw new SeedException(new Location(file, nameAt.getLineNr(), nameAt.getColumnNr()),
                                "'" + name + "' is given twice");
                    }
                    fields.put(name, read(parser, file));
                }
                return new SeedNode(at, Kind.MAP, fields, null, null);
            }
            case START_ARRAY: {
                List<SeedNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, file));
                }
                return new SeedNode(at, Kind.LIST, null, items, null);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new SeedNode(at, Kind.NUMBER, null, null, parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new SeedNode(at, Kind.BOOLEAN, null, null, parser.getText());
            case VALUE_NULL:
                return new SeedNode(at, Kind.NULL, null, null, null);
            default:
                return new SeedNode(at, Kind.TEXT, null, null, parser.getText());
        }
    }

    public Location at() {
        return at;
    }

    public SeedException error(String problem) {
        return new SeedException(at, problem);
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The fields of a mapping; {@code what} names the value in the error when this is not one. */
    public Map<String, SeedNode> fields(String what) {
        if (kind != Kind.MAP) {
            throw error(what + " must be a mapping of names to values");
        }
        return fields;
    }

    /** The items of a list; a single value counts as a list of one, so {@code material: x} reads as {@code [x]}. */
    public List<SeedNode> items() {
        if (kind == Kind.LIST) {
            return items;
        }
        return kind == Kind.NULL ? List.of() : List.of(this);
    }

    /** The text of a scalar; {@code what} names the value in the error when this is not one. */
    public String text(String what) {
        if (kind == Kind.MAP || kind == Kind.LIST || kind == Kind.NULL) {
            throw error(what + " must be a single value");
        }
        return text;
    }

    /** A whole number between {@code min} and {@code max}. */
    public int integer(String what, int min, int max) {
        String value = text(what);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw error(what + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    /** Fails on the first field of this mapping whose name is not in {@code known}. */
    public void allowOnly(String what, Set<String> known) {
        for (Map.Entry<String, SeedNode> field : fields(what).entrySet()) {
            if (!known.contains(field.getKey())) {
                throw field.getValue().error("unknown field '" + field.getKey() + "' in " + what + " (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /** This value written as JSON (a key policy given as a mapping). */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void write(JsonGenerator json) throws IOException {
        switch (kind) {
            case MAP -> {
                json.writeStartObject();
                for (Map.Entry<String, SeedNode> field : fields.entrySet()) {
                    json.writeFieldName(field.getKey());
                    field.getValue().write(json);
                }
                json.writeEndObject();
            }
            case LIST -> {
                json.writeStartArray();
                for (SeedNode item : items) {
                    item.write(json);
                }
                json.writeEndArray();
            }
            case NUMBER -> json.writeNumber(text);
            case BOOLEAN -> json.writeBoolean(Boolean.parseBoolean(text));
            case NULL -> json.writeNull();
            default -> json.writeString(text);
        }
    }
}
