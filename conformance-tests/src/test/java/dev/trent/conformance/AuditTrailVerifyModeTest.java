package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.auth.AuthMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * With {@code --auth verify}, events name the verified principal (an IAM user, an assumed role's session) and
 * the access key it signed with, and LookupEvents takes only requests signed for {@code cloudtrail}.
 */
class AuditTrailVerifyModeTest extends TrentTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AwsCredentials ROOT = AwsBasicCredentials.create("test", "test");
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}}";

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.authMode(AuthMode.VERIFY).auditTrail(true);
    }

    @Test
    void iamUserAndAssumedRole_areTheIdentitiesOfTheirEvents() throws Exception {
        AccessKey key;
        Credentials session;
        try (IamClient iam = QueryClients.iam(server.endpoint(), ROOT);
                StsClient sts = QueryClients.sts(server.endpoint(), ROOT)) {
            iam.createUser(b -> b.userName("carol"));
            key = iam.createAccessKey(b -> b.userName("carol")).accessKey();
            String role = iam.createRole(b -> b.roleName("Auditor").assumeRolePolicyDocument(TRUST)).role().arn();
            session = sts.assumeRole(b -> b.roleArn(role).roleSessionName("night-shift")).credentials();
        }
        try (KmsClient asCarol = QueryClients.kms(server.endpoint(),
                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
                KmsClient asRole = QueryClients.kms(server.endpoint(), AwsSessionCredentials.create(
                        session.accessKeyId(), session.secretAccessKey(), session.sessionToken()))) {
            asCarol.createKey(b -> b.description("carol's"));
            asRole.listKeys();
        }

        try (CloudTrailClient cloudTrail = cloudTrail(ROOT)) {
            List<Event> carols = lookup(cloudTrail, LookupAttributeKey.USERNAME, "carol");
            assertEquals(List.of("CreateKey"), carols.stream().map(Event::eventName).toList());
            assertEquals(key.accessKeyId(), carols.get(0).accessKeyId());
            JsonNode carol = JSON.readTree(carols.get(0).cloudTrailEvent()).path("userIdentity");
            assertEquals("IAMUser", carol.path("type").asText());
            assertEquals("arn:aws:iam::" + ACCOUNT + ":user/carol", carol.path("arn").asText());

            List<Event> shift = lookup(cloudTrail, LookupAttributeKey.ACCESS_KEY_ID, session.accessKeyId());
            assertEquals(List.of("ListKeys"), shift.stream().map(Event::eventName).toList());
            assertEquals("night-shift", shift.get(0).username());
            JsonNode role = JSON.readTree(shift.get(0).cloudTrailEvent()).path("userIdentity");
            assertEquals("AssumedRole", role.path("type").asText());
            assertEquals("Auditor", role.path("sessionContext").path("sessionIssuer").path("userName").asText());
            assertEquals("arn:aws:iam::" + ACCOUNT + ":role/Auditor",
                    role.path("sessionContext").path("sessionIssuer").path("arn").asText());
        }
    }

    @Test
    void lookupEvents_withAWrongSecret_isRefused() {
        try (CloudTrailClient cloudTrail = cloudTrail(AwsBasicCredentials.create("test", "wrong"))) {
            AwsServiceException refused = assertThrows(AwsServiceException.class, () -> cloudTrail.lookupEvents());
            assertEquals("InvalidSignatureException", refused.awsErrorDetails().errorCode());
        }
    }

    private static List<Event> lookup(CloudTrailClient cloudTrail, LookupAttributeKey key, String value) {
        return cloudTrail.lookupEvents(b -> b.lookupAttributes(a -> a.attributeKey(key).attributeValue(value)))
                .events();
    }

    private CloudTrailClient cloudTrail(AwsCredentials credentials) {
        return CloudTrailClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }
}
