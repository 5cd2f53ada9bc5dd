package dev.trent.conformance;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * The keys a test class creates once in {@code @BeforeAll}, one per (spec, usage). A pair the server refuses to
 * create fails only the tests that use it, each with the server's answer, instead of the whole class.
 */
final class SetupKeys {

    private final KmsClient kms;
    private final Map<String, KeyMetadata> keys = new HashMap<>();
    private final Map<String, SdkException> failures = new HashMap<>();

    SetupKeys(KmsClient kms) {
        this.kms = kms;
    }

    void create(KeySpec spec, KeyUsageType usage) {
        try {
            keys.put(name(spec, usage), kms.createKey(b -> b.keySpec(spec).keyUsage(usage)).keyMetadata());
        } catch (SdkException e) {
            failures.put(name(spec, usage), e);
        }
    }

    /** The CreateKey response's metadata of the key made in setup. */
    KeyMetadata get(KeySpec spec, KeyUsageType usage) {
        SdkException failure = failures.get(name(spec, usage));
        if (failure != null) {
            throw new AssertionError("CreateKey " + name(spec, usage) + " failed in setup: " + failure, failure);
        }
        KeyMetadata key = keys.get(name(spec, usage));
        if (key == null) {
            throw new IllegalStateException("no key " + name(spec, usage) + " was created in setup");
        }
        return key;
    }

    private static String name(KeySpec spec, KeyUsageType usage) {
        return spec + "/" + usage;
    }
}
