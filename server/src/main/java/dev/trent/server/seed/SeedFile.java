package dev.trent.server.seed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a seed file: JSON when its name ends in {@code .json}, YAML otherwise; local-kms's format when its top
 * level has {@code Keys} or {@code Aliases}, Trent's own otherwise. Everything is checked here, before the server
 * opens its data directory, and every problem is a {@link SeedException} naming the line.
 */
public final class SeedFile {

    private SeedFile() {
    }

    public static Seed read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SeedException("seed file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new SeedException("cannot read seed file " + file + ": " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** Parses {@code text} as the contents of {@code file} (which names it in errors and picks JSON or YAML). */
    public static Seed parse(Path file, String text) {
        SeedNode root = tree(file, text);
        if (root == null || root.isNull()) {
            return new Seed(file, List.of(), List.of());
        }
        if (!root.isMap()) {
            throw root.error("a seed file is a mapping with 'keys' (or local-kms's 'Keys' and 'Aliases')");
        }
        return LocalKmsSeedFormat.recognises(root) ? LocalKmsSeedFormat.read(root) : TrentSeedFormat.read(root);
    }

    /**
     * The tree of a YAML or JSON file (JSON when its name ends in {@code .json}) with every value's line and
     * column, for other start-up files read the same way; null when the file is empty.
     */
    public static SeedNode tree(Path file, String text) {
        boolean json = file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        try (JsonParser parser = factory.createParser(text)) {
            parser.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
            if (parser.nextToken() == null) {
                return null;
            }
            return SeedNode.read(parser, file);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            SeedNode.Location where = new SeedNode.Location(file, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr());
            throw new SeedException(where, "not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage()
                    .strip().replaceAll("\\s*\\R\\s*", " "));
        } catch (IOException e) {
            throw new SeedException("cannot read seed file " + file + ": " + e.getMessage(), e);
        }
    }
}
