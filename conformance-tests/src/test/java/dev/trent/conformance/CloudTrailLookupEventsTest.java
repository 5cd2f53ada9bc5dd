package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.app.TrentConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.EventCategory;
import software.amazon.awssdk.services.cloudtrail.model.InvalidLookupAttributesException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidMaxResultsException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidTimeRangeException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * {@code LookupEvents} through the real CloudTrail client against the trail Trent keeps of the KMS calls made
 * here: each lookup attribute, time bounds, paging, and CloudTrail's validation errors.
 */
class CloudTrailLookupEventsTest extends TrentTestBase {

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.auditTrail(true);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudTrailClient cloudTrail;
    private String keyArn;
    private Instant before;

    @BeforeAll
    void callsToLookUp() {
        cloudTrail = CloudTrailClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(KmsClients.ACCESS_KEY, KmsClients.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(60)))
                .build();
        before = Instant.now().minusSeconds(1);
        keyArn = newSymmetricKey().arn();
        for (int i = 0; i < 3; i++) {
            kms.encrypt(b -> b.keyId(keyArn).plaintext(SdkBytes.fromUtf8String("secret")));
        }
        assertThrows(NotFoundException.class, () -> kms.describeKey(b -> b.keyId(keyArn.replace(
                keyArn.substring(keyArn.indexOf("key/") + 4), "00000000-0000-0000-0000-000000000000"))));
    }

    @AfterAll
    void closeCloudTrail() {
        cloudTrail.close();
    }

    @Test
    void resourceName_findsEveryCallOnTheKey_newestFirst() throws Exception {
        List<Event> events = lookup(LookupAttributeKey.RESOURCE_NAME, keyArn);
        assertEquals(List.of("Encrypt", "Encrypt", "Encrypt", "CreateKey"), names(events));
        Event encrypt = events.get(0);
        assertEquals("kms.amazonaws.com", encrypt.eventSource());
        assertEquals("true", encrypt.readOnly());
        assertEquals(KmsClients.ACCESS_KEY, encrypt.accessKeyId());
        assertEquals("root", encrypt.username());
        assertEquals("AWS::KMS::Key", encrypt.resources().get(0).resourceType());
        assertEquals(keyArn, encrypt.resources().get(0).resourceName());
        JsonNode record = JSON.readTree(encrypt.cloudTrailEvent());
        assertEquals("1.09", record.path("eventVersion").asText());
        assertEquals(encrypt.eventId(), record.path("eventID").asText());
        assertEquals(keyArn, record.path("requestParameters").path("keyId").asText());
        assertFalse(encrypt.cloudTrailEvent().contains(java.util.Base64.getEncoder().encodeToString(
                "secret".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertFalse(record.path("requestParameters").has("plaintext"));
        assertTrue(!encrypt.eventTime().isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }

    @Test
    void eachAttribute_narrowsTheEvents() {
        Event create = lookup(LookupAttributeKey.RESOURCE_NAME, keyArn).get(3);
        assertEquals(List.of(create.eventId()), ids(lookup(LookupAttributeKey.EVENT_ID, create.eventId())));
        assertTrue(names(lookup(LookupAttributeKey.EVENT_NAME, "CreateKey")).stream().allMatch("CreateKey"::equals));
        assertTrue(ids(lookup(LookupAttributeKey.READ_ONLY, "false")).contains(create.eventId()));
        assertFalse(ids(lookup(LookupAttributeKey.READ_ONLY, "true")).contains(create.eventId()));
        assertTrue(ids(lookup(LookupAttributeKey.USERNAME, "root")).contains(create.eventId()));
        assertTrue(ids(lookup(LookupAttributeKey.RESOURCE_TYPE, "AWS::KMS::Key")).contains(create.eventId()));
        assertTrue(ids(lookup(LookupAttributeKey.EVENT_SOURCE, "kms.amazonaws.com")).contains(create.eventId()));
        assertTrue(ids(lookup(LookupAttributeKey.ACCESS_KEY_ID, KmsClients.ACCESS_KEY)).contains(create.eventId()));
        assertEquals(List.of(), lookup(LookupAttributeKey.ACCESS_KEY_ID, "AKIANOBODY"));
    }

    @Test
    void refusedCall_isFoundWithItsErrorCode() throws Exception {
        List<Event> described = lookup(LookupAttributeKey.EVENT_NAME, "DescribeKey");
        JsonNode record = JSON.readTree(described.get(0).cloudTrailEvent());
        assertEquals("NotFoundException", record.path("errorCode").asText());
    }

    @Test
    void timeBounds_areInclusive_andExcludeWhatFallsOutside() {
        Instant now = Instant.now().plusSeconds(1);
        assertEquals(4, cloudTrail.lookupEvents(b -> b.lookupAttributes(attribute(LookupAttributeKey.RESOURCE_NAME,
                keyArn)).startTime(before).endTime(now)).events().size());
        assertEquals(List.of(), cloudTrail.lookupEvents(b -> b.lookupAttributes(attribute(
                LookupAttributeKey.RESOURCE_NAME, keyArn)).startTime(now.plusSeconds(60))).events());
        assertEquals(List.of(), cloudTrail.lookupEvents(b -> b.lookupAttributes(attribute(
                LookupAttributeKey.RESOURCE_NAME, keyArn)).endTime(before.minusSeconds(60))).events());
    }

    @Test
    void pages_ofOneEvent_addUpToTheWholeAnswer() {
        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            LookupEventsResponse page = cloudTrail.lookupEvents(b -> b.lookupAttributes(attribute(
                    LookupAttributeKey.RESOURCE_NAME, keyArn)).maxResults(1).nextToken(next));
            assertTrue(page.events().size() <= 1);
            page.events().forEach(e -> paged.add(e.eventId()));
            token = page.nextToken();
        } while (token != null);
        assertEquals(ids(lookup(LookupAttributeKey.RESOURCE_NAME, keyArn)), paged);
        List<String> byPaginator = new ArrayList<>();
        cloudTrail.lookupEventsPaginator(b -> b.lookupAttributes(attribute(LookupAttributeKey.RESOURCE_NAME, keyArn))
                .maxResults(3)).events().forEach(e -> byPaginator.add(e.eventId()));
        assertEquals(paged, byPaginator);
    }

    @Test
    void insightEvents_areNone() {
        assertEquals(List.of(), cloudTrail.lookupEvents(b -> b.eventCategory(EventCategory.INSIGHT)).events());
        assertNull(cloudTrail.lookupEvents(b -> b.eventCategory(EventCategory.INSIGHT)).nextToken());
    }

    @Test
    void invalidRequests_getCloudTrailsErrors() {
        assertThrows(InvalidLookupAttributesException.class, () -> cloudTrail.lookupEvents(b -> b.lookupAttributes(
                attribute(LookupAttributeKey.EVENT_NAME, "Encrypt"), attribute(LookupAttributeKey.READ_ONLY, "true"))));
        assertThrows(InvalidLookupAttributesException.class, () -> cloudTrail.lookupEvents(b -> b.lookupAttributes(
                attribute(LookupAttributeKey.EVENT_NAME, ""))));
        assertThrows(InvalidMaxResultsException.class, () -> cloudTrail.lookupEvents(b -> b.maxResults(51)));
        assertThrows(InvalidTimeRangeException.class, () -> cloudTrail.lookupEvents(b -> b.startTime(Instant.now())
                .endTime(Instant.now().minusSeconds(60))));
        assertThrows(InvalidNextTokenException.class, () -> cloudTrail.lookupEvents(b -> b.nextToken("bogus")));
        String token = cloudTrail.lookupEvents(b -> b.lookupAttributes(attribute(LookupAttributeKey.RESOURCE_NAME,
                keyArn)).maxResults(1)).nextToken();
        InvalidNextTokenException other = assertThrows(InvalidNextTokenException.class, () -> cloudTrail.lookupEvents(
                b -> b.lookupAttributes(attribute(LookupAttributeKey.EVENT_NAME, "Encrypt")).nextToken(token)));
        assertEquals(400, other.statusCode());
    }

    private List<Event> lookup(LookupAttributeKey key, String value) {
        List<Event> events = new ArrayList<>();
        cloudTrail.lookupEventsPaginator(b -> b.lookupAttributes(attribute(key, value))).events().forEach(events::add);
        return events;
    }

    private static LookupAttribute attribute(LookupAttributeKey key, String value) {
        return LookupAttribute.builder().attributeKey(key).attributeValue(value).build();
    }

    private static List<String> names(List<Event> events) {
        return events.stream().map(Event::eventName).toList();
    }

    private static List<String> ids(List<Event> events) {
        return events.stream().map(Event::eventId).toList();
    }
}
