package dev.trent.server.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.auth.Principal;
import dev.trent.server.auth.SecretAccessKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session tokens that carry their session: the session's facts, authenticated with an HMAC-SHA256 under a key
 * derived from the keyring for this purpose alone, so Trent verifies a token (also after a restart) without
 * storing it, and a token altered or made elsewhere does not verify. The session's secret access key is derived
 * from the same key and the access key id, so the token never carries it. Both are also bound to an epoch that a
 * reset renews, so a reset ends every session issued before it.
 */
public final class SessionTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] key;
    private final Supplier<String> epoch;

    /** Tokens under {@code key} alone. */
    public SessionTokens(byte[] key) {
        this(key, () -> "");
    }

    /**
     * @param key   at least 32 bytes, used for nothing else
     * @param epoch what every token and secret is also bound to; when it changes, earlier tokens stop opening
     */
    public SessionTokens(byte[] key, Supplier<String> epoch) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a session token key has at least 32 bytes");
        }
        this.key = key.clone();
        this.epoch = epoch;
    }

    /** The token that stands for {@code session}. */
    public String issue(Session session) {
        ObjectNode payload = JSON.createObjectNode()
                .put("k", session.accessKeyId())
                .put("kind", session.principal().kind().name())
                .put("a", session.principal().account())
                .put("arn", session.principal().arn())
                .put("id", session.principal().principalId())
                .put("role", session.roleArn())
                .put("exp", session.expiration().getEpochSecond());
        session.policy().ifPresent(policy -> payload.put("p", policy));
        ObjectNode tags = payload.putObject("tags");
        session.tags().forEach(tags::put);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
        return ENCODE.encodeToString(body) + "." + ENCODE.encodeToString(mac("token", body));
    }

    /** The secret access key of the session with this access key id. */
    public String secretFor(String accessKeyId) {
        byte[] derived = mac("secret", accessKeyId.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(derived).substring(0, 40);
    }

    public SecretAccessKey secretKeyFor(String accessKeyId) {
        return SecretAccessKey.of(secretFor(accessKeyId));
    }

    /** The session {@code token} stands for, or empty when it is not a token this server issued. */
    public Optional<Session> open(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] body = DECODE.decode(token.substring(0, dot));
            byte[] tag = DECODE.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(tag, mac("token", body))) {
                return Optional.empty();
            }
            JsonNode n = JSON.readTree(body);
            Principal principal = new Principal(Principal.Kind.valueOf(n.path("kind").asText()),
                    n.path("a").asText(), n.path("arn").asText(), n.path("id").asText());
            Map<String, String> tags = new LinkedHashMap<>();
            n.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
            String role = n.path("role").isTextual() ? n.path("role").asText() : null;
            Optional<String> policy = n.path("p").isTextual() ? Optional.of(n.path("p").asText()) : Optional.empty();
            return Optional.of(new Session(n.path("k").asText(), principal, role,
                    Instant.ofEpochSecond(n.path("exp").asLong()), policy, tags));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String purpose, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            mac.update(epoch.get().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "SessionTokens[key hidden]";
    }

    /** Clears the key, for a server that is closing. */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
    }
}
