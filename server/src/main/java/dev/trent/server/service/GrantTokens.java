package dev.trent.server.service;

import dev.trent.server.crypto.HashAlgorithm;
import dev.trent.server.crypto.Hmac;
import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.error.InvalidGrantTokenException;
import dev.trent.server.key.Grant;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.Scope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Grant tokens that only this store can make: each names its grant's key ARN (hence account and Region) and
 * grant id, and carries an HMAC-SHA256 over them keyed by the store's grant-token key. A token is accepted only
 * if its MAC verifies and it names the caller's own account and Region.
 *
 * <pre>
 *   0          1            17              49             81
 *   | version  | nonce (16) | grant id (32) | HMAC (32)    | key ARN (UTF-8) ...
 *   | = 2      |            | raw bytes     | over all but itself |
 * </pre>
 *
 * The whole is sent as unpadded base64url. Version 1 tokens carried no MAC and could be forged from a grant id;
 * they are refused.
 */
final class GrantTokens {

    /** What a verified token names. */
    record Named(Scope scope, KeyId keyId, String grantId) {
    }

    private static final byte VERSION = 2;
    private static final int NONCE_BYTES = 16;
    private static final int GRANT_ID_BYTES = 32;
    private static final int MAC_BYTES = 32;
    private static final int MAC_OFFSET = 1 + NONCE_BYTES + GRANT_ID_BYTES;
    private static final int ARN_OFFSET = MAC_OFFSET + MAC_BYTES;
    /** A key ARN is at most this long: Region (32), account (12), key id (36), and the fixed text. */
    private static final int MAX_ARN_BYTES = 128;
    private static final Hmac HMAC = new Hmac(HashAlgorithm.SHA_256);

    private final Supplier<SecretBytes> key;
    private final SecureRandom random = new SecureRandom();

    GrantTokens(Supplier<SecretBytes> key) {
        this.key = key;
    }

    /** A new token for {@code grant}; every call gives a different one. */
    String issue(Grant grant) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] arn = grant.scope().keyArn(grant.keyId()).getBytes(StandardCharsets.UTF_8);
        ByteBuffer token = ByteBuffer.allocate(ARN_OFFSET + arn.length)
                .put(VERSION).put(nonce).put(HexFormat.of().parseHex(grant.grantId()))
                .put(new byte[MAC_BYTES]).put(arn);
        byte[] bytes = token.array();
        System.arraycopy(mac(bytes), 0, bytes, MAC_OFFSET, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The grant {@code token} names, if this store issued it for the caller's account and Region. */
    Named verify(Scope caller, String token) {
        Named named = minted(token);
        if (!named.scope().equals(caller)) {
            throw invalid();
        }
        return named;
    }

    /**
     * The grant {@code token} names, if this store minted it, for any account and Region: a grant token may be
     * passed by a principal of another account than the key's.
     */
    Named minted(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.length <= ARN_OFFSET || bytes.length > ARN_OFFSET + MAX_ARN_BYTES || bytes[0] != VERSION) {
            throw invalid();
        }
        byte[] claimed = Arrays.copyOfRange(bytes, MAC_OFFSET, ARN_OFFSET);
        if (!java.security.MessageDigest.isEqual(claimed, mac(bytes))) {
            throw invalid();
        }
        String arn = new String(bytes, ARN_OFFSET, bytes.length - ARN_OFFSET, StandardCharsets.UTF_8);
        return parseArn(arn, HexFormat.of().formatHex(bytes, 1 + NONCE_BYTES, MAC_OFFSET))
                .orElseThrow(GrantTokens::invalid);
    }

    /** The MAC over the token with its MAC field zeroed. */
    private byte[] mac(byte[] token) {
        byte[] message = token.clone();
        Arrays.fill(message, MAC_OFFSET, ARN_OFFSET, (byte) 0);
        return HMAC.compute(key.get(), message);
    }

    /** {@code arn:aws:kms:<region>:<account>:key/<id>}, as {@link Scope#keyArn} writes it. */
    private static Optional<Named> parseArn(String arn, String grantId) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[5].startsWith("key/")) {
            return Optional.empty();
        }
        return KeyId.parse(parts[5].substring("key/".length()))
                .map(id -> new Named(new Scope(parts[4], parts[3]), id, grantId));
    }

    static InvalidGrantTokenException invalid() {
        return new InvalidGrantTokenException("Invalid grant token.");
    }
}
