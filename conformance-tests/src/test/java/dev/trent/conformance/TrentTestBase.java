package dev.trent.conformance;

import dev.trent.junit.RunningTrent;
import dev.trent.junit.TrentExtension;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * One in-memory Trent per test class, reached through the real AWS SDK in us-east-1 with the default account.
 * Tests in a class share the server, so each test creates the keys and aliases it inspects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrentTestBase {

    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** The suite runs the way users' JVM tests do: Trent in process, started by the JUnit extension. */
    @RegisterExtension
    final TrentExtension trent = TrentExtension.perClass().configured(this::configure);

    protected TrentServer server;
    protected KmsClient kms;
    private final List<KmsClient> otherClients = new ArrayList<>();

    @BeforeAll
    void connect(RunningTrent running) {
        server = running.server();
        kms = KmsClients.create(server.endpoint(), Region.US_EAST_1);
    }

    @AfterAll
    void closeClients() {
        otherClients.forEach(KmsClient::close);
        if (kms != null) {
            kms.close();
        }
    }

    /** Subclasses that need a special server (a controlled clock, ...) adjust the builder here. */
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder;
    }

    /** A client of the same server whose SigV4 credential scope names another Region. */
    protected KmsClient clientIn(Region region) {
        KmsClient client = KmsClients.create(server.endpoint(), region);
        otherClients.add(client);
        return client;
    }

    protected KeyMetadata newSymmetricKey() {
        return kms.createKey(b -> b.description("conformance")).keyMetadata();
    }

    protected KeyMetadata newKey(KeySpec spec, KeyUsageType usage) {
        return kms.createKey(b -> b.keySpec(spec).keyUsage(usage)).keyMetadata();
    }

    static String keyArn(String keyId) {
        return keyArn(REGION, keyId);
    }

    static String keyArn(String region, String keyId) {
        return "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + keyId;
    }

    /** {@code aliasName} includes the {@code alias/} prefix, as in the API. */
    static String aliasArn(String aliasName) {
        return "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":" + aliasName;
    }

    /** A fresh alias name, unique within the test run. */
    static String uniqueAlias(String stem) {
        return "alias/" + stem + "-" + NAMES.incrementAndGet();
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static SdkBytes utf8(String text) {
        return SdkBytes.fromByteArray(text.getBytes(StandardCharsets.UTF_8));
    }

    static SdkBytes sdk(byte[] bytes) {
        return SdkBytes.fromByteArray(bytes);
    }
}
