package dev.trent.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trent.server.api.Services;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.service.NewKey;
import dev.trent.server.time.Housekeeping;
import dev.trent.server.time.MovableClock;
import dev.trent.server.time.TimeTravel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key lifecycle endpoints through the routes the server registers. */
class KeyLifecycleEndpointsTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");

    private final MovableClock clock = new MovableClock(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final Services services = InMemoryServices.over(clock);
    private final AdminRouter router = AdminRoutes.create(new TimeTravel(clock, new Housekeeping()), "test",
            services.lifecycle(), SCOPE.account(), SCOPE.region());
    private final KmsKey key = services.keys().create(SCOPE,
            new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS, Map.of()));

    private AdminResponse call(String method, String action, String body) {
        return call(method, key.id().value(), action, body);
    }

    private AdminResponse call(String method, String keyText, String action, String body) {
        String uri = "/_trent/keys/" + URLEncoder.encode(keyText, StandardCharsets.UTF_8) + "/" + action;
        return router.handle(method, uri, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lifecycle_ofANewKey_isActive_withItsCreationInTheHistory() {
        AdminResponse response = call("GET", key.arn(), "lifecycle", "");

        assertEquals(200, response.status());
        JsonNode body = response.body();
        assertEquals(key.id().value(), body.get("keyId").asText());
        assertEquals("Enabled", body.get("awsState").asText());
        assertEquals("active", body.get("phase").asText());
        assertTrue(body.get("cryptoperiods").isNull());
        assertEquals(1, body.get("history").size());
        assertEquals("active", body.get("history").get(0).get("phaseTo").asText());
        assertTrue(body.get("history").get(0).get("phaseFrom").isNull());
    }

    @Test
    void cryptoperiods_areSetInIsoDurations_reportedWithTheirEnds_andCleared() {
        JsonNode set = call("PUT", "cryptoperiods",
                "{\"originatorUsagePeriod\":\"P90D\",\"recipientUsagePeriod\":\"P365D\",\"reason\":\"K-12\"}").body();

        assertEquals("P90D", set.at("/cryptoperiods/originatorUsagePeriod").asText());
        assertEquals("2026-04-01T00:00:00Z", set.at("/cryptoperiods/originatorUsageEnds").asText());
        assertEquals("2027-01-01T00:00:00Z", set.at("/cryptoperiods/recipientUsageEnds").asText());
        assertEquals("K-12", set.at("/history/1/reason").asText());
        assertEquals("admin API", set.at("/history/1/caller").asText());

        JsonNode cleared = call("DELETE", "cryptoperiods", "").body();
        assertTrue(cleared.get("cryptoperiods").isNull());
        assertEquals("cryptoperiods cleared", cleared.at("/history/2/trigger").asText());
    }

    @Test
    void suspendResumeAndCompromise_changeThePhase_andNeedAReason() {
        assertEquals("suspended", call("POST", "suspend", "{\"reason\":\"incident 7\"}").body().get("phase").asText());
        assertEquals("Disabled", services.keys().describe(SCOPE, key.id().value()).state().name());
        assertEquals("active", call("POST", "resume", "{\"reason\":\"closed\"}").body().get("phase").asText());
        JsonNode compromised = call("POST", "compromise", "{\"reason\":\"leak\",\"allowProcessing\":true}").body();
        assertEquals("compromised", compromised.get("phase").asText());
        assertEquals(true, compromised.at("/compromise/processingAllowed").asBoolean());

        AdminResponse noReason = call("POST", "suspend", "{}");
        assertEquals(400, noReason.status());
        assertEquals("BadRequest", noReason.body().get("error").asText());
    }

    @Test
    void refusals_carryTheKmsErrorTypeAndStatus() {
        AdminResponse unknown = call("GET", "00000000-0000-0000-0000-000000000000", "lifecycle", "");
        assertEquals(404, unknown.status());
        assertEquals("NotFoundException", unknown.body().get("error").asText());

        call("POST", "compromise", "{\"reason\":\"leak\"}");
        AdminResponse again = call("POST", "compromise", "{\"reason\":\"leak\"}");
        assertEquals(409, again.status());
        assertEquals("KMSInvalidStateException", again.body().get("error").asText());
        assertEquals(key.arn() + " is already compromised.", again.body().get("message").asText());

        AdminResponse badPeriod = call("PUT", "cryptoperiods", "{\"originatorUsagePeriod\":\"90 days\"}");
        assertEquals(400, badPeriod.status());
        AdminResponse backwards = call("PUT", "cryptoperiods",
                "{\"originatorUsagePeriod\":\"P30D\",\"recipientUsagePeriod\":\"P10D\"}");
        assertEquals(400, backwards.status());
        assertEquals("The recipient-usage period cannot end before the originator-usage period.",
                backwards.body().get("message").asText());
        AdminResponse unknownField = call("POST", "compromise", "{\"reason\":\"x\",\"force\":true}");
        assertEquals(400, unknownField.status());
    }

    @Test
    void otherRegion_isChosenByQuery() {
        AdminResponse elsewhere = router.handle("GET",
                "/_trent/keys/" + key.id().value() + "/lifecycle?region=eu-west-1", new byte[0]);
        assertEquals(404, elsewhere.status());
    }
}
