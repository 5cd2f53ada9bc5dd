package dev.trent.server.crypto;

import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The hash functions of FIPS 180-4 that KMS algorithms name. */
public enum HashAlgorithm {
    SHA_1(20, SHA1Digest::new),
    SHA_224(28, SHA224Digest::new),
    SHA_256(32, SHA256Digest::new),
    SHA_384(48, SHA384Digest::new),
    SHA_512(64, SHA512Digest::new),
    /** SM3 (GB/T 32905-2016), the hash of SM2DSA. */
    SM3(32, SM3Digest::new);

    private final int length;
    private final Supplier<Digest> digest;

    HashAlgorithm(int length, Supplier<Digest> digest) {
        this.length = length;
        this.digest = digest;
    }

    /** Output length in bytes. */
    public int length() {
        return length;
    }

    public Digest newDigest() {
        return digest.get();
    }

    /** The name the JCA uses for this hash, e.g. {@code SHA256} in {@code SHA256withECDSA}. */
    public String jcaName() {
        return name().replace("_", "");
    }

    public byte[] hash(byte[] message) {
        Digest d = newDigest();
        d.update(message, 0, message.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }
}
