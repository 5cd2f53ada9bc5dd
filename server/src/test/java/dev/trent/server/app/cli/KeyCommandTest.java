package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code trent key ...} against a really started in-memory server, through the admin API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CliAgainstServer trent;
    private String keyId;

    @BeforeAll
    void start() throws Exception {
        trent = new CliAgainstServer();
    }

    @AfterAll
    void stop() {
        trent.close();
    }

    @BeforeEach
    void newKey() throws Exception {
        keyId = trent.kms("CreateKey", "{}").at("/KeyMetadata/KeyId").asText();
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private String out() {
        return trent.out();
    }

    private String err() {
        return trent.err();
    }

    @Test
    void lifecycle_printsStatePhaseAndHistory() {
        assertEquals(0, run("key", "lifecycle", keyId), err());

        List<String> lines = out().lines().toList();
        assertTrue(lines.get(0).startsWith("Key arn:aws:kms:us-east-1:000000000000:key/" + keyId), out());
        assertTrue(out().contains("  AWS state:   Enabled"), out());
        assertTrue(out().contains("  NIST phase:  active"), out());
        assertTrue(out().contains("  cryptoperiods: none"), out());
        assertTrue(out().contains("CreateKey by unsigned request (account 000000000000): active"), out());
    }

    @Test
    void lifecycleJson_isTheAdminApisAnswer() throws Exception {
        assertEquals(0, run("key", "lifecycle", keyId, "--json"), err());
        assertEquals("active", JSON.readTree(out()).get("phase").asText());
    }

    @Test
    void cryptoperiods_setAndClear() {
        assertEquals(0, run("key", "cryptoperiods", keyId, "--originator", "90d", "--recipient", "1y",
                "--reason", "policy K-12"), err());
        assertTrue(out().contains("originator-usage period: P90D, ends "), out());
        assertTrue(out().contains("recipient-usage period:  P365D, ends "), out());

        assertEquals(0, run("key", "cryptoperiods", keyId, "--clear"), err());
        assertTrue(out().contains("cryptoperiods cleared by admin API"), out());
    }

    @Test
    void suspendResumeAndCompromise_changeThePhase() throws Exception {
        assertEquals(0, run("key", "suspend", keyId, "--reason", "incident 42"), err());
        assertTrue(out().contains("NIST phase:  suspended"), out());
        assertTrue(out().contains("(incident 42)"), out());
        assertEquals(0, run("key", "resume", keyId, "--reason", "closed"), err());
        assertEquals(0, run("key", "compromise", keyId, "--reason", "leaked", "--allow-processing"), err());
        assertTrue(out().contains("NIST phase:  compromised"), out());
        assertTrue(out().contains("(processing allowed)"), out());
        assertEquals(400, trent.kmsStatus("Encrypt", "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\"AQID\"}"));
    }

    @Test
    void errors_areOneLine_andAReasonIsRequired() {
        assertEquals(1, run("key", "lifecycle", "00000000-0000-0000-0000-000000000000"));
        assertTrue(err().startsWith("trent: Key 'arn:aws:kms:us-east-1:000000000000:key/00000000-0000-0000-0000-"
                + "000000000000' does not exist (HTTP 404)"), err());
        assertEquals(2, run("key", "suspend", keyId));
        assertTrue(err().contains("--reason"), err());
        assertEquals(2, run("key", "cryptoperiods", keyId));
    }

    @Test
    void aKeyMadeInAnotherRegion_isFoundThroughAwsRegion_orItsArn() throws Exception {
        JsonNode made = trent.kmsIn("ap-northeast-1", "CreateKey", "{}").get("KeyMetadata");
        String tokyoKey = made.get("KeyId").asText();
        String arn = made.get("Arn").asText();

        assertEquals(1, run("key", "lifecycle", tokyoKey), "not in the server's default Region");
        assertEquals(0, run(Map.of("AWS_REGION", "ap-northeast-1"), "key", "lifecycle", tokyoKey), err());
        assertTrue(out().startsWith("Key " + arn), out());
        assertEquals(0, run(Map.of("AWS_DEFAULT_REGION", "ap-northeast-1"), "key", "lifecycle", tokyoKey), err());
        assertEquals(0, run(Map.of("AWS_REGION", "ap-northeast-1", "AWS_DEFAULT_REGION", "eu-west-1"),
                "key", "lifecycle", tokyoKey), "AWS_REGION comes first, as in the SDKs");
        assertEquals(1, run(Map.of("AWS_REGION", "ap-northeast-1"), "key", "lifecycle", tokyoKey,
                "--region", "eu-west-1"), "--region comes before the environment");

        assertEquals(0, run(Map.of("AWS_REGION", "eu-west-1"), "key", "suspend", arn, "--reason", "by ARN"), err());
        assertTrue(out().contains("NIST phase:  suspended"), out());
    }

    @Test
    void aKeyInAnotherAccount_isFoundByItsArn() throws Exception {
        String arn = trent.kmsIn("ap-northeast-1", "CreateKey", "{}").at("/KeyMetadata/Arn").asText();
        String otherAccount = arn.replace(":000000000000:", ":111122223333:");

        assertEquals(0, run("key", "lifecycle", arn, "--account", "111122223333", "--region", "us-west-2"), err());
        assertTrue(out().startsWith("Key " + arn), out());
        assertEquals(1, run("key", "lifecycle", otherAccount));
        assertTrue(err().contains(otherAccount), err());
    }

    @Test
    void theEndpoint_comesFromAwsEndpointUrl() {
        assertEquals(0, trent.run(Map.of("AWS_ENDPOINT_URL", trent.endpoint()), "key", "lifecycle", keyId), trent.err());
        assertEquals(0, trent.run(Map.of("AWS_ENDPOINT_URL_KMS", trent.endpoint(),
                "AWS_ENDPOINT_URL", "http://127.0.0.1:1"), "key", "lifecycle", keyId), trent.err());
    }

    private int run(Map<String, String> environment, String... args) {
        String[] withEndpoint = Arrays.copyOf(args, args.length + 2);
        withEndpoint[args.length] = "--endpoint";
        withEndpoint[args.length + 1] = trent.endpoint();
        return trent.run(environment, withEndpoint);
    }

    @Test
    void aNameWithASpace_reachesTheServerAsTyped() {
        assertEquals(1, run("key", "lifecycle", "alias/no such alias"));
        assertTrue(err().contains("alias/no such alias"), err());
    }
}
