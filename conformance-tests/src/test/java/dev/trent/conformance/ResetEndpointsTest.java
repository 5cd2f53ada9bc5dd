package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trent.conformance.AdminApi.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GrantOperation;

/**
 * Trent's, moto's and LocalStack's reset endpoints over HTTP: after each, no key, alias or grant is left in any
 * account or Region, and no old ciphertext decrypts.
 */
class ResetEndpointsTest extends TrentTestBase {

    private static final String OTHER_ACCOUNT = "111122223333";

    private AdminApi admin;
    // The instance lives as long as the class (TrentTestBase): each test refills these lists and clears them.
    /** One client per account and Region: the default account and another, in us-east-1 and eu-west-1. */
    private final List<KmsClient> everywhere = new ArrayList<>();
    private final List<KmsClient> opened = new ArrayList<>();
    private final List<SdkBytes> ciphertexts = new ArrayList<>();

    @BeforeEach
    void clients() {
        // The tests of this class share one server; each starts on an empty one.
        server.reset();
        admin = new AdminApi(server.endpoint());
        everywhere.add(kms);
        everywhere.add(clientIn(Region.EU_WEST_1));
        for (Region region : List.of(Region.US_EAST_1, Region.EU_WEST_1)) {
            KmsClient client = KmsClients.create(server.endpoint(), region, OTHER_ACCOUNT);
            opened.add(client);
            everywhere.add(client);
        }
    }

    @AfterEach
    void closeOtherAccountClients() {
        opened.forEach(KmsClient::close);
        opened.clear();
        everywhere.clear();
        ciphertexts.clear();
    }

    /** A key with an alias and a grant, and a ciphertext under it, through every client; plus an AWS managed key. */
    private void fillEveryAccountAndRegion() {
        for (KmsClient client : everywhere) {
            String keyId = client.createKey(b -> b.description("to be wiped")).keyMetadata().keyId();
            client.createAlias(b -> b.aliasName("alias/wiped").targetKeyId(keyId));
            client.createGrant(b -> b.keyId(keyId).granteePrincipal("arn:aws:iam::" + OTHER_ACCOUNT + ":role/app")
                    .operations(GrantOperation.DECRYPT));
            ciphertexts.add(client.encrypt(b -> b.keyId(keyId).plaintext(utf8("secret"))).ciphertextBlob());
            client.describeKey(b -> b.keyId("alias/aws/s3"));
        }
        for (KmsClient client : everywhere) {
            assertEquals(2, client.listKeys().keys().size());
        }
    }

    private void assertNothingIsLeft() {
        for (int i = 0; i < everywhere.size(); i++) {
            KmsClient client = everywhere.get(i);
            assertTrue(client.listKeys().keys().isEmpty(), "keys left for client " + i);
            assertTrue(client.listAliases().aliases().isEmpty(), "aliases left for client " + i);
            SdkBytes blob = ciphertexts.get(i);
            assertUnmodeledErrorCode("AccessDeniedException", () -> client.decrypt(b -> b.ciphertextBlob(blob)));
        }
        // The server works on: a new key in the old alias's name.
        String keyId = newSymmetricKey().keyId();
        kms.createAlias(b -> b.aliasName("alias/wiped").targetKeyId(keyId));
    }

    @Test
    void trentsReset_wipesEverything_andSaysWhatItRemoved() {
        fillEveryAccountAndRegion();
        admin.advance(Duration.ofDays(3));

        Answer answer = admin.send("POST", "/_trent/reset", null);

        assertEquals(200, answer.status(), () -> answer.body().toString());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        JsonNode removed = answer.body().get("removed");
        assertEquals("ok", answer.body().get("status").asText());
        assertEquals(8, removed.get("keys").asInt());
        assertEquals(4, removed.get("awsManagedKeys").asInt());
        assertEquals(8, removed.get("aliases").asInt());
        assertEquals(4, removed.get("grants").asInt());
        assertEquals(0, answer.body().get("offsetSeconds").asLong(), "the clock is back on real time");
        assertEquals(0, admin.clock().get("offsetSeconds").asLong());
        assertNothingIsLeft();
    }

    @Test
    void motosReset_wipesEverything_andAnswersAsMoto() {
        fillEveryAccountAndRegion();

        Answer answer = admin.send("POST", "/moto-api/reset", null);

        assertEquals(200, answer.status());
        assertEquals("{\"status\":\"ok\"}", answer.body().toString());
        assertNothingIsLeft();
    }

    @Test
    void localStacksReset_wipesEverything_andAnswersAsLocalStack() {
        fillEveryAccountAndRegion();

        Answer answer = admin.send("POST", "/_localstack/state/reset", null);

        assertEquals(200, answer.status());
        assertTrue(answer.body().isMissingNode(), "an empty body, as LocalStack's");
        assertNull(answer.contentType());
        assertNothingIsLeft();
    }

    @Test
    void localStacksKmsReset_wipesEverything_andOtherServicesResetsLeaveKmsAlone() {
        fillEveryAccountAndRegion();

        assertEquals(200, admin.send("POST", "/_localstack/state/s3/reset", null).status());
        assertEquals(2, kms.listKeys().keys().size());

        Answer answer = admin.send("POST", "/_localstack/state/kms/reset", null);

        assertEquals(200, answer.status());
        assertTrue(answer.body().isMissingNode());
        assertNothingIsLeft();
    }
}
