package dev.trent.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SigV4's signing key, {@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")},
 * kept per (secret, date, region, service): the four HMACs are then paid once a day per caller, not per request.
 */
final class SigningKeys {

    /** Far more than the callers of one test run; past it the cache starts over rather than grow without end. */
    private static final int MAX_ENTRIES = 4096;

    /** One MAC per thread, re-keyed at each use: the provider lookup would otherwise come with every request. */
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    });

    private record Id(String secretFingerprint, String date, String region, String service) {
    }

    private final Map<Id, byte[]> cache = new ConcurrentHashMap<>();

    byte[] forScope(SecretAccessKey secret, String date, String region, String service) {
        Id id = new Id(secret.fingerprint(), date, region, service);
        byte[] key = cache.get(id);
        if (key == null) {
            key = derive(secret, date, region, service);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(id, key);
        }
        return key;
    }

    static byte[] derive(SecretAccessKey secret, String date, String region, String service) {
        byte[] key = hmac(secret.signingSeed(), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
