package dev.trent.server.key;

/**
 * AWS KMS AlgorithmSpec: how key material is wrapped for import under the public key of
 * GetParametersForImport. The RSA algorithms go with the RSA wrapping key specs, SM2PKE with SM2.
 */
public enum WrappingAlgorithm {
    RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, RSA_AES_KEY_WRAP_SHA_1, RSA_AES_KEY_WRAP_SHA_256, SM2PKE;

    /** True when material wrapped this way can be unwrapped by a wrapping key of {@code spec}. */
    public boolean fits(WrappingKeySpec spec) {
        return (this == SM2PKE) == (spec == WrappingKeySpec.SM2);
    }
}
