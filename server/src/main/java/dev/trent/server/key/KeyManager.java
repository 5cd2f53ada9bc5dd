package dev.trent.server.key;

/**
 * AWS KMS KeyManagerType: who manages a key. Callers create and manage CUSTOMER keys; AWS managed keys come into
 * being on first use of their {@code alias/aws/} alias and callers can use them but not change them.
 */
public enum KeyManager {
    AWS, CUSTOMER
}
