package dev.trent.server.key;

/** AWS KMS WrappingKeySpec: the key pair GetParametersForImport makes. SM2 (China Regions only) is not in Trent. */
public enum WrappingKeySpec {
    RSA_2048(2048), RSA_3072(3072), RSA_4096(4096), SM2(0);

    private final int bits;

    WrappingKeySpec(int bits) {
        this.bits = bits;
    }

    public boolean supported() {
        return this != SM2;
    }

    /** RSA modulus size. */
    public int bits() {
        return bits;
    }
}
