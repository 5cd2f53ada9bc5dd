package dev.trent.server.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.key.KeyReference.ByAliasArn;
import dev.trent.server.key.KeyReference.ByAliasName;
import dev.trent.server.key.KeyReference.ById;
import dev.trent.server.key.KeyReference.ByKeyArn;
import dev.trent.server.key.KeyReference.Malformed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four forms of a KeyId member AWS accepts, and what it calls malformed ("Invalid keyId '...'"). */
class KeyReferenceTest {

    private static final String UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String MRK = "mrk-1234abcd12ab34cd56ef1234567890ab";
    private static final String ACCOUNT = "111122223333";

    private record Case(String text, KeyReference expected) {
    }

    private static final List<Case> CASES = List.of(
            new Case(UUID, new ById(UUID, new KeyId(UUID))),
            new Case(UUID.toUpperCase(), new ById(UUID.toUpperCase(), new KeyId(UUID))),
            new Case(MRK, new ById(MRK, new KeyId(MRK))),
            new Case("MRK-1234ABCD12AB34CD56EF1234567890AB", new ById("MRK-1234ABCD12AB34CD56EF1234567890AB", new KeyId(MRK))),
            arn("us-east-1", "key/" + UUID, new KeyId(UUID)),
            arn("eu-west-1", "key/" + MRK, new KeyId(MRK)),
            arn("ap-southeast-2", "key/" + UUID.toUpperCase(), new KeyId(UUID)),
            new Case("arn:aws-cn:kms:cn-north-1:" + ACCOUNT + ":key/" + UUID,
                    new ByKeyArn("arn:aws-cn:kms:cn-north-1:" + ACCOUNT + ":key/" + UUID, "cn-north-1", ACCOUNT, new KeyId(UUID))),
            new Case("alias/my-key", new ByAliasName("alias/my-key", new AliasName("alias/my-key"))),
            new Case("alias/aws/ebs", new ByAliasName("alias/aws/ebs", new AliasName("alias/aws/ebs"))),
            new Case("alias/Team_1/app-key", new ByAliasName("alias/Team_1/app-key", new AliasName("alias/Team_1/app-key"))),
            new Case("arn:aws:kms:us-east-1:" + ACCOUNT + ":alias/my-key", new ByAliasArn(
                    "arn:aws:kms:us-east-1:" + ACCOUNT + ":alias/my-key", "us-east-1", ACCOUNT, new AliasName("alias/my-key"))),
            malformed("fake-key-id"),
            malformed("key_id"),
            malformed("134f2428cec14b25a1ae9048164dba47"),
            malformed("mrk-fake-key-id"),
            malformed("mrk-1234abcd12ab34cd56ef1234567890a"),
            malformed("1234abcd-12ab-34cd-56ef-1234567890ab0"),
            malformed(" " + UUID),
            malformed("{" + UUID + "}"),
            malformed(""),
            malformed("arn:aws:kms:us-east-1:000000000000:key/"),
            malformed("arn:aws:kms:us-east-1:000000000000:key/fake-key-id"),
            malformed("arn:aws:kms:us-east-1:12345:key/" + UUID),
            malformed("arn:aws:s3:us-east-1:" + ACCOUNT + ":key/" + UUID),
            malformed("arn:aws:kms:us-east-1:" + ACCOUNT + ":alias/"),
            malformed("arn:aws:kms:us-east-1:" + ACCOUNT + ":alias/Service:Test"),
            malformed("alias/"),
            malformed("alias/Service:Test"),
            malformed("alias/with space"));

    @Test
    void parse_recognisesEveryForm_andCallsTheRestMalformed() {
        List<String> failures = new ArrayList<>();
        for (Case c : CASES) {
            KeyReference actual = KeyReference.parse(c.text());
            if (!c.expected().equals(actual)) {
                failures.add("'" + c.text() + "': expected " + c.expected() + ", got " + actual);
            }
            if (!c.text().equals(actual.text())) {
                failures.add("'" + c.text() + "': text() changed to '" + actual.text() + "'");
            }
            boolean alias = c.expected() instanceof ByAliasName || c.expected() instanceof ByAliasArn;
            if (actual.isAlias() != alias) {
                failures.add("'" + c.text() + "': isAlias() is " + actual.isAlias());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void keyId_isCanonicallyLowerCase_andRefusesAnythingElse() {
        assertEquals(new KeyId(UUID), KeyId.parse(UUID.toUpperCase()).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new KeyId(UUID.toUpperCase()));
        assertThrows(IllegalArgumentException.class, () -> new KeyId("fake-key-id"));
        assertEquals(36, KeyId.random().value().length());
    }

    @Test
    void aliasName_isValidOnceBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new AliasName("my-key"));
        assertThrows(IllegalArgumentException.class, () -> new AliasName("alias/a:b"));
        assertEquals(true, new AliasName("alias/aws/s3").isReserved());
        assertEquals(false, new AliasName("alias/awsome").isReserved());
    }

    private static Case arn(String region, String resource, KeyId id) {
        String text = "arn:aws:kms:" + region + ":" + ACCOUNT + ":" + resource;
        return new Case(text, new ByKeyArn(text, region, ACCOUNT, id));
    }

    private static Case malformed(String text) {
        return new Case(text, new Malformed(text));
    }
}
