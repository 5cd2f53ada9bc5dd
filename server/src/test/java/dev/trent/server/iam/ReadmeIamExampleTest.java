package dev.trent.server.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The IAM file the README shows is one Trent accepts, and its user may assume its role in enforce mode. */
class ReadmeIamExampleTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmesIamExample_isAppliedAsItDescribes() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("### The `--iam` file");
        assertTrue(section >= 0, "the README has a section on the --iam file");
        Matcher example = YAML_BLOCK.matcher(readme);
        assertTrue(example.find(section), "the section shows a YAML example");
        IamFixture iam = new IamFixture(dev.trent.server.auth.AuthMode.ENFORCE);

        IamSeed seed = IamFile.parse(Path.of("iam.yaml"), example.group(1));
        new IamSeedApplier(iam.store, iam.clock).apply(seed);

        IamAccount account = iam.store.account(IamFixture.ACCOUNT);
        assertEquals(1, account.users().size());
        assertEquals(1, account.roles().size());
        assertEquals(1, account.policies().size());
        IamUser bot = account.user("release-bot").orElseThrow();
        iam.sts(new dev.trent.server.auth.Principal(dev.trent.server.auth.Principal.Kind.USER, IamFixture.ACCOUNT,
                bot.arn(), bot.id()), "AssumeRole", "RoleArn", account.role("release-signer").orElseThrow().arn(),
                "RoleSessionName", "ci").assertOk();
    }
}
