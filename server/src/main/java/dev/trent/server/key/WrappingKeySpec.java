package dev.trent.server.key;

/** AWS KMS WrappingKeySpec: the key pair GetParametersForImport makes. */
public enum WrappingKeySpec {
    RSA_2048(2048), RSA_3072(3072), RSA_4096(4096), SM2(256);

    private final int bits;

    WrappingKeySpec(int bits) {
        this.bits = bits;
    }

    public boolean isRsa() {
        return this != SM2;
    }

    /** Key size in bits. */
    public int bits() {
        return bits;
    }
}
