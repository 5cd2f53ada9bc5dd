package dev.trent.server.app;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;

/** The server's TLS context, from PEM files, built on the JDK's own TLS (no native library). */
public final class ServerTls {

    /**
     * How the server speaks HTTPS: not at all ({@link #NONE}), with the given PEM files, or with a self-signed
     * certificate Trent makes for its names.
     */
    public record Settings(Path certificateChain, Path privateKey, boolean selfSigned) {

        public static final Settings NONE = new Settings(null, null, false);

        public boolean enabled() {
            return selfSigned || certificateChain != null;
        }
    }

    /** The context a server uses, and the self-signed certificate behind it if Trent made one. */
    record Prepared(SslContext context, SelfSignedCertificate.Issued selfSigned, Path temporaryDirectory) {

        /** Removes the files of a certificate that lived only as long as an in-memory server. */
        void close() {
            if (temporaryDirectory != null) {
                try {
                    Files.deleteIfExists(selfSigned.keyFile());
                    Files.deleteIfExists(selfSigned.certificateFile());
                    Files.deleteIfExists(temporaryDirectory);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot remove " + temporaryDirectory, e);
                }
            }
        }
    }

    private static final Logger LOG = Logger.getLogger(ServerTls.class.getName());
    static final String CERT_OPTION = "--tls-cert";
    static final String KEY_OPTION = "--tls-key";

    private ServerTls() {
    }

    /**
     * The TLS context {@code config} asks for, or a {@link Prepared} without one for plain HTTP. A self-signed
     * certificate lives in the data directory's {@code tls} folder, or in a temporary folder for an in-memory
     * server.
     */
    static Prepared prepare(TrentConfig config) {
        Settings settings = config.tls();
        if (!settings.enabled()) {
            return new Prepared(null, null, null);
        }
        if (!settings.selfSigned()) {
            return new Prepared(context(settings.certificateChain(), settings.privateKey()), null, null);
        }
        Path temporary = null;
        try {
            temporary = config.inMemory() ? Files.createTempDirectory("trent-tls-") : null;
            Path dir = temporary != null ? temporary : config.dataDir().resolve("tls");
            SelfSignedCertificate.Issued issued = SelfSignedCertificate.ensure(dir,
                    SelfSignedCertificate.namesFor(config.host(), config.hostnames()), config.clock().instant());
            return new Prepared(context(issued.certificateFile(), issued.keyFile()), issued, temporary);
        } catch (IOException e) {
            throw new TlsSetupException("cannot create a temporary directory for the certificate: " + e.getMessage(), e);
        }
    }

    /**
     * A server context for the certificate chain and private key in these files.
     *
     * @throws TlsSetupException naming the file when one is missing or unreadable, or the key does not belong to
     *                           the certificate
     */
    static SslContext context(Path certificateChain, Path privateKey) {
        List<X509Certificate> chain = PemFiles.readCertificates(certificateChain, CERT_OPTION);
        PrivateKey key = PemFiles.readPrivateKey(privateKey, KEY_OPTION);
        if (!belongTogether(key, chain.get(0).getPublicKey())) {
            throw new TlsSetupException(KEY_OPTION + " " + privateKey + " is not the private key of the certificate in "
                    + CERT_OPTION + " " + certificateChain);
        }
        try {
            return SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
                    .sslProvider(SslProvider.JDK)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new TlsSetupException("cannot use " + CERT_OPTION + " " + certificateChain + " with " + KEY_OPTION
                    + " " + privateKey + ": " + e.getMessage(), e);
        }
    }

    /** Signs a random message with the private key and checks the signature with the certificate's public key. */
    private static boolean belongTogether(PrivateKey key, PublicKey certified) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] message = new byte[32];
            new SecureRandom().nextBytes(message);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** SHA-256 of the certificate's DER encoding, as {@code openssl x509 -fingerprint -sha256} shows it. */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                if (hex.length() > 0) {
                    hex.append(':');
                }
                hex.append(String.format("%02X", b));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
