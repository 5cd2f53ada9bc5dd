package dev.trent.server.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.api.Services;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed file the README shows is one Trent accepts, so a reader who copies it gets what it describes. */
class ReadmeSeedExampleTest {

    private static final Pattern FIRST_YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theReadmesSeedExample_createsEveryKeyItLists() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Seed files");
        assertTrue(section >= 0, "the README has a Seed files section");
        Matcher example = FIRST_YAML_BLOCK.matcher(readme);
        assertTrue(example.find(section), "the Seed files section shows a YAML example");
        String yaml = example.group(1);
        KeyRepository repository = KeyRepository.load(Storage.inMemory().barrier());
        SeedApplier.Outcome outcome = new SeedApplier(Services.over(repository, Clock.systemUTC()), repository,
                "000000000000", "us-east-1", line -> { }).apply(SeedFile.parse(dir.resolve("seed.yaml"), yaml));

        long ids = yaml.lines().filter(line -> line.strip().startsWith("- id: ")).count();
        assertEquals(ids, outcome.keysCreated());
        assertEquals(ids, repository.all().size());
    }
}
