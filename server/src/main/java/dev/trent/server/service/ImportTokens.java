package dev.trent.server.service;

import dev.trent.server.crypto.Hmac;
import dev.trent.server.crypto.HashAlgorithm;
import dev.trent.server.crypto.Random;
import dev.trent.server.crypto.WrappingKey;
import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.error.ExpiredImportTokenException;
import dev.trent.server.error.InvalidImportTokenException;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.Scope;
import dev.trent.server.key.WrappingAlgorithm;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The import parameters GetParametersForImport hands out (wrapping key pair, algorithm, key, expiry), by import
 * token, held in memory only. They are never written: each lives at most 24 hours and a caller can always ask
 * for new ones, so after a restart a token is simply unknown (InvalidImportTokenException) and no wrapping
 * private key ever reaches the disk.
 *
 * <p>A token is {@code validTo (8 bytes, epoch millis) || 16 random bytes || 16-byte HMAC-SHA-256 tag} under a
 * secret of this process. The tag lets a token that was already purged still be recognised as expired rather
 * than unknown, and makes a token of an earlier process (or a made-up one) fail as invalid.
 */
public final class ImportTokens {

    /** What one token stands for. */
    public record Parameters(Scope scope, KeyId keyId, WrappingAlgorithm algorithm, WrappingKey wrappingKey,
                             Instant validTo) {
    }

    private static final int TIME_LENGTH = 8;
    private static final int NONCE_LENGTH = 16;
    private static final int TAG_LENGTH = 16;
    private static final int TOKEN_LENGTH = TIME_LENGTH + NONCE_LENGTH + TAG_LENGTH;
    private static final String INVALID = "Import token is invalid or is associated with a different KMS key.";
    private static final String EXPIRED = "Import token is expired. Use GetParametersForImport to get a new "
            + "import token and public key.";

    private final SecretBytes tagKey = SecretBytes.copyOf(Random.bytes(32));
    private final Hmac hmac = new Hmac(HashAlgorithm.SHA_256);
    private final Map<String, Parameters> byToken = new ConcurrentHashMap<>();

    /** Registers {@code parameters} and returns their new token. */
    public byte[] issue(Parameters parameters) {
        ByteBuffer body = ByteBuffer.allocate(TIME_LENGTH + NONCE_LENGTH)
                .putLong(parameters.validTo().toEpochMilli())
                .put(Random.bytes(NONCE_LENGTH));
        byte[] token = ByteBuffer.allocate(TOKEN_LENGTH).put(body.array()).put(tag(body.array())).array();
        byToken.put(HexFormat.of().formatHex(token), parameters);
        return token;
    }

    /**
     * The parameters behind {@code token}, which must be for this key and still valid at {@code now}.
     *
     * @throws InvalidImportTokenException for a token this process did not issue, or issued for another key
     * @throws ExpiredImportTokenException for a token past its ParametersValidTo
     */
    public Parameters redeem(byte[] token, Scope scope, KeyId keyId, Instant now) {
        if (token.length != TOKEN_LENGTH) {
            throw new InvalidImportTokenException(INVALID);
        }
        byte[] body = Arrays.copyOf(token, TIME_LENGTH + NONCE_LENGTH);
        if (!MessageDigest.isEqual(tag(body), Arrays.copyOfRange(token, body.length, TOKEN_LENGTH))) {
            throw new InvalidImportTokenException(INVALID);
        }
        if (!Instant.ofEpochMilli(ByteBuffer.wrap(body).getLong()).isAfter(now)) {
            throw new ExpiredImportTokenException(EXPIRED);
        }
        Parameters parameters = byToken.get(HexFormat.of().formatHex(token));
        if (parameters == null || !parameters.scope().equals(scope) || !parameters.keyId().equals(keyId)) {
            throw new InvalidImportTokenException(INVALID);
        }
        return parameters;
    }

    /** Forgets every token whose validity has ended at {@code now}; returns how many. */
    public int purgeExpired(Instant now) {
        int before = byToken.size();
        byToken.values().removeIf(p -> !p.validTo().isAfter(now));
        return before - byToken.size();
    }

    /**
     * Forgets every token; returns how many there were. A forgotten token that has not expired is invalid
     * afterwards, as one from an earlier process is.
     */
    public int forgetAll() {
        int before = byToken.size();
        byToken.clear();
        return before;
    }

    /** Tokens currently held (for tests and diagnostics). */
    public int size() {
        return byToken.size();
    }

    private byte[] tag(byte[] body) {
        return Arrays.copyOf(hmac.compute(tagKey, body), TAG_LENGTH);
    }
}
