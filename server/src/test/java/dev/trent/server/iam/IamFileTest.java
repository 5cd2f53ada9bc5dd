package dev.trent.server.iam;

import static dev.trent.server.iam.IamFixture.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.auth.CredentialStore;
import dev.trent.server.auth.Principal;
import dev.trent.server.seed.SeedException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The IAM file: read and checked with file, line and column in errors; applied idempotently. */
class IamFileTest {

    private static final Path YAML = Path.of("iam.yaml");
    private static final String FILE = """
            accounts:
              "111122223333":
                rootAccessKeys:
                  - accessKeyId: AKIAROOTFROMFILE0001
                    secretAccessKey: root-secret
                policies:
                  - name: signing
                    document:
                      Version: "2012-10-17"
                      Statement:
                        - Effect: Allow
                          Action: ["kms:GetPublicKey", "kms:Sign"]
                          Resource: "*"
                users:
                  - name: release-bot
                    path: /ci/
                    tags: {team: release}
                    accessKeys:
                      - accessKeyId: AKIARELEASEBOT00001
                        secretAccessKey: bot-secret
                    policies:
                      assume-signer: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}}'
                roles:
                  - name: release-signer
                    maxSessionDuration: 7200
                    trustPolicy:
                      Version: "2012-10-17"
                      Statement:
                        - Effect: Allow
                          Principal: {AWS: "arn:aws:iam::111122223333:user/ci/release-bot"}
                          Action: sts:AssumeRole
                    attachedPolicies: [signing]
            """;

    private final IamFixture iam = new IamFixture();

    @Test
    void file_isReadWithEveryPart() {
        IamSeed seed = IamFile.parse(YAML, FILE);

        IamSeed.AccountSeed account = seed.accounts().get(0);
        assertEquals(ACCOUNT, account.account());
        assertEquals(List.of(new IamSeed.KeySeed("AKIAROOTFROMFILE0001", "root-secret")), account.rootKeys());
        assertEquals("/ci/", account.users().get(0).path());
        assertEquals(Map.of("team", "release"), account.users().get(0).tags());
        assertEquals(7200, account.roles().get(0).maxSessionDuration());
        assertEquals(List.of("signing"), account.roles().get(0).attached());
    }

    @Test
    void applied_twice_keepsIds_andTheKeySignsAsTheUser() {
        IamSeed seed = IamFile.parse(YAML, FILE);
        IamSeedApplier applier = new IamSeedApplier(iam.store, iam.clock);

        assertEquals(3, applier.apply(seed));
        IamAccount first = iam.store.account(ACCOUNT);
        applier.apply(seed);

        assertEquals(first, iam.store.account(ACCOUNT));
        IamUser bot = first.user("release-bot").orElseThrow();
        assertEquals("arn:aws:iam::" + ACCOUNT + ":user/ci/release-bot", bot.arn());
        CredentialStore.Found found = (CredentialStore.Found) new IamCredentials(iam.store)
                .find("AKIARELEASEBOT00001", Optional.empty(), Instant.now());
        assertEquals(new Principal(Principal.Kind.USER, ACCOUNT, bot.arn(), bot.id()), found.principal());
        assertEquals(List.of("arn:aws:iam::" + ACCOUNT + ":policy/signing"),
                first.role("release-signer").orElseThrow().attached());
        assertEquals("allowed", iam.iam("SimulatePrincipalPolicy", "PolicySourceArn",
                first.role("release-signer").orElseThrow().arn(), "ActionNames.member.1", "kms:Sign")
                .at("//EvalDecision"));
    }

    @Test
    void errors_nameFileLineAndColumn() {
        assertEquals("IAM file iam.yaml, line 2, column 11: an account id is 12 digits, not '1234'",
                assertThrows(SeedException.class, () -> IamFile.parse(YAML, """
                        accounts:
                          "1234": {}
                        """)).getMessage());
        assertEquals("IAM file iam.yaml, line 5, column 28: no managed policy 'missing' in this account's"
                + " 'policies'", assertThrows(SeedException.class, () -> IamFile.parse(YAML, """
                accounts:
                  "111122223333":
                    users:
                      - name: bot
                        attachedPolicies: [missing]
                """)).getMessage());
        assertEquals("IAM file iam.yaml, line 5, column 22: trustPolicy: Missing required field Principal",
                assertThrows(SeedException.class, () -> IamFile.parse(YAML, """
                        accounts:
                          "111122223333":
                            roles:
                              - name: r
                                trustPolicy: {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole"}]}
                        """)).getMessage());
        SeedException unknown = assertThrows(SeedException.class, () -> IamFile.parse(YAML, """
                accounts:
                  "111122223333":
                    groups: []
                """));
        assertEquals(true, unknown.getMessage().startsWith("IAM file iam.yaml, line 3, column"),
                unknown.getMessage());
        assertEquals(true, unknown.getMessage().contains("unknown field 'groups'"), unknown.getMessage());
    }

    @Test
    void jsonFile_isReadAsJson_withItsOwnErrors() {
        SeedException broken = assertThrows(SeedException.class,
                () -> IamFile.parse(Path.of("iam.json"), "{\"accounts\": {\"111122223333\": {\"users\": [}}}"));
        assertEquals(true, broken.getMessage().startsWith("IAM file iam.json, line 1, column"), broken.getMessage());
        assertEquals(true, broken.getMessage().contains("not valid JSON"), broken.getMessage());
    }
}
