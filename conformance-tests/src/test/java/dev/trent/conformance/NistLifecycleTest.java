package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * The NIST SP 800-57 lifecycle as a user meets it: phases, cryptoperiods, compromise and history through the
 * admin API, their effect through the real AWS SDK, and a clock moved past their ends.
 */
class NistLifecycleTest extends TrentTestBase {

    private static final SdkBytes DATA = SdkBytes.fromUtf8String("ledger entry 42");

    private AdminApi admin;

    @BeforeEach
    void realTime() {
        admin = new AdminApi(server.endpoint());
        admin.reset();
    }

    private String path(String keyId, String action) {
        return "/_trent/keys/" + URLEncoder.encode(keyId, StandardCharsets.UTF_8) + "/" + action;
    }

    private JsonNode lifecycle(String keyId) {
        AdminApi.Answer answer = admin.send("GET", path(keyId, "lifecycle"), null);
        assertEquals(200, answer.status(), () -> answer.body().toString());
        return answer.body();
    }

    private JsonNode post(String keyId, String action, String body) {
        AdminApi.Answer answer = admin.send("POST", path(keyId, action), body);
        assertEquals(200, answer.status(), () -> answer.body().toString());
        return answer.body();
    }

    private static List<String> triggers(JsonNode view) {
        List<String> out = new ArrayList<>();
        view.get("history").forEach(e -> out.add(e.get("trigger").asText()));
        return out;
    }

    private SdkBytes encrypt(String keyId) {
        return kms.encrypt(b -> b.keyId(keyId).plaintext(DATA)).ciphertextBlob();
    }

    @Test
    void history_listsAwsOperations_inOrder_withTheCaller() {
        KeyMetadata key = newSymmetricKey();
        kms.disableKey(b -> b.keyId(key.keyId()));
        kms.enableKey(b -> b.keyId(key.keyId()));

        JsonNode view = lifecycle(key.keyId());

        assertEquals("active", view.get("phase").asText());
        assertEquals("Enabled", view.get("awsState").asText());
        assertEquals(List.of("CreateKey", "DisableKey", "EnableKey"), triggers(view));
        JsonNode disabled = view.get("history").get(1);
        assertEquals("active", disabled.get("phaseFrom").asText());
        assertEquals("suspended", disabled.get("phaseTo").asText());
        assertEquals("Enabled", disabled.get("awsStateFrom").asText());
        assertEquals("Disabled", disabled.get("awsStateTo").asText());
        assertTrue(disabled.get("caller").asText().contains(KmsClients.ACCESS_KEY), disabled.toString());
        Instant created = Instant.parse(view.get("history").get(0).get("at").asText());
        assertFalse(Instant.parse(disabled.get("at").asText()).isBefore(created));
    }

    @Test
    void suspend_isDisableKeyWithAReason_asAwsCallersSeeIt() {
        KeyMetadata key = newSymmetricKey();

        JsonNode view = post(key.keyId(), "suspend", "{\"reason\":\"incident 42\"}");

        assertEquals("suspended", view.get("phase").asText());
        assertEquals("incident 42", view.get("history").get(1).get("reason").asText());
        assertFalse(kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().enabled());
        assertKmsError(DisabledException.class, key.arn() + " is disabled.", () -> encrypt(key.keyId()));
        post(key.keyId(), "resume", "{\"reason\":\"incident closed\"}");
        encrypt(key.keyId());
    }

    @Test
    void cryptoperiods_endProtectionThenProcessing_whenTheClockPassesThem() {
        KeyMetadata key = newSymmetricKey();
        SdkBytes early = encrypt(key.keyId());
        AdminApi.Answer set = admin.send("PUT", path(key.keyId(), "cryptoperiods"),
                "{\"originatorUsagePeriod\":\"P30D\",\"recipientUsagePeriod\":\"P60D\",\"reason\":\"policy K-12\"}");
        assertEquals(200, set.status(), () -> set.body().toString());
        String originatorEnds = set.body().at("/cryptoperiods/originatorUsageEnds").asText();

        JsonNode fired = admin.advance(Duration.ofDays(31)).get("fired");

        assertTrue(fired.get("cryptoperiodsEnded").asInt() >= 1, fired.toString());
        assertKmsError(KmsInvalidStateException.class, key.arn() + " is deactivated: its originator-usage period"
                + " ended at " + originatorEnds + ", so it may process data but not protect it.",
                () -> encrypt(key.keyId()));
        assertThrows(KmsInvalidStateException.class, () -> kms.generateDataKey(b -> b.keyId(key.keyId())
                .numberOfBytes(32)));
        assertEquals(DATA, kms.decrypt(b -> b.ciphertextBlob(early)).plaintext());
        JsonNode deactivated = lifecycle(key.keyId());
        assertEquals("deactivated", deactivated.get("phase").asText());
        JsonNode ended = deactivated.get("history").get(2);
        assertEquals("originator-usage period ended", ended.get("trigger").asText());
        assertEquals(originatorEnds, ended.get("at").asText());

        admin.advance(Duration.ofDays(30));

        assertThrows(KmsInvalidStateException.class, () -> kms.decrypt(b -> b.ciphertextBlob(early)));
        assertEquals(List.of("CreateKey", "cryptoperiods set", "originator-usage period ended",
                "recipient-usage period ended"), triggers(lifecycle(key.keyId())));
        assertEquals("Enabled", kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyStateAsString(),
                "AWS state is untouched: cryptoperiods are Trent's own");
    }

    @Test
    void compromisedSigningKey_neverSignsAgain_butVerifiesWhenAllowed() {
        KeyMetadata key = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        SdkBytes signature = kms.sign(b -> b.keyId(key.keyId()).message(DATA).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature();

        JsonNode view = post(key.keyId(), "compromise", "{\"reason\":\"key file in a public repo\","
                + "\"allowProcessing\":true}");

        assertEquals("compromised", view.get("phase").asText());
        KmsInvalidStateException refused = assertThrows(KmsInvalidStateException.class, () -> kms.sign(b -> b
                .keyId(key.keyId()).message(DATA).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)));
        assertTrue(refused.awsErrorDetails().errorMessage().contains("is compromised"),
                refused.awsErrorDetails().errorMessage());
        assertTrue(kms.verify(b -> b.keyId(key.keyId()).message(DATA).messageType(MessageType.RAW)
                .signature(signature).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signatureValid());
    }

    @Test
    void cancelledDeletion_ofAKeyThatNeverHadMaterial_returnsItToPreActivation() {
        KeyMetadata key = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata();
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));
        kms.cancelKeyDeletion(b -> b.keyId(key.keyId()));

        JsonNode view = lifecycle(key.keyId());

        assertEquals("pre-activation", view.get("phase").asText());
        assertEquals("PendingImport", view.get("awsState").asText());
        assertEquals(List.of("CreateKey", "ScheduleKeyDeletion", "CancelKeyDeletion"), triggers(view));
        JsonNode cancelled = view.get("history").get(2);
        assertEquals("deactivated", cancelled.get("phaseFrom").asText());
        assertEquals("pre-activation", cancelled.get("phaseTo").asText());
    }

    @Test
    void scheduledDeletion_afterTheClockPassesTheWindow_leavesAReadableDestroyedRecord() {
        KeyMetadata key = newSymmetricKey();
        SdkBytes blob = encrypt(key.keyId());
        post(key.keyId(), "compromise", "{\"reason\":\"stolen laptop\"}");
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        admin.advance(Duration.ofDays(8));

        assertThrows(NotFoundException.class, () -> kms.describeKey(b -> b.keyId(key.keyId())));
        KmsErrors.assertUnmodeledError("AccessDeniedException", "The ciphertext refers to a customer master key"
                + " that does not exist, does not exist in this region, or you are not allowed to access.",
                () -> kms.decrypt(b -> b.ciphertextBlob(blob)));
        JsonNode view = lifecycle(key.arn());
        assertEquals("destroyed-compromised", view.get("phase").asText());
        assertTrue(view.get("awsState").isNull());
        JsonNode last = view.get("history").get(view.get("history").size() - 1);
        assertEquals("the deletion window ended", last.get("trigger").asText());
        assertEquals("compromised", last.get("phaseFrom").asText());
        assertEquals(List.of("CreateKey", "marked compromised", "ScheduleKeyDeletion", "the deletion window ended"),
                triggers(view));
    }
}
