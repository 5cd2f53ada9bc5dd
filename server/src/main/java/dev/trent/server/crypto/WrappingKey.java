package dev.trent.server.crypto;

/** The key pair GetParametersForImport hands out the public half of: RSA, or SM2 for SM2PKE. */
public sealed interface WrappingKey {

    /** DER SubjectPublicKeyInfo, what the caller wraps key material under. */
    byte[] subjectPublicKeyInfo();

    record Rsa(RsaKeyPair pair) implements WrappingKey {
        @Override
        public byte[] subjectPublicKeyInfo() {
            return pair.subjectPublicKeyInfo();
        }
    }

    record Sm2(AsymmetricKeyPair pair) implements WrappingKey {
        @Override
        public byte[] subjectPublicKeyInfo() {
            return pair.subjectPublicKeyInfo();
        }
    }
}
