package dev.trent.server.key;

/**
 * AWS KMS AlgorithmSpec: how key material is wrapped for import under the RSA public key of
 * GetParametersForImport. SM2PKE (China Regions only) is in the model but not in Trent.
 */
public enum WrappingAlgorithm {
    RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, RSA_AES_KEY_WRAP_SHA_1, RSA_AES_KEY_WRAP_SHA_256, SM2PKE;

    public boolean supported() {
        return this != SM2PKE;
    }
}
