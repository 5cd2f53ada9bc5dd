package dev.trent.server.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Reads and writes the PEM files of the server's certificate: a chain of certificates and a private key. */
final class PemFiles {

    private PemFiles() {
    }

    /** The certificates in {@code file}, leaf first. */
    static List<X509Certificate> readCertificates(Path file, String option) {
        String text = read(file, option);
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new TlsSetupException(option + " " + file + " holds no PEM certificate");
        }
        try {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new TlsSetupException(option + " " + file + " holds no PEM certificate");
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(option + " " + file + " is not a PEM certificate chain: " + e.getMessage(), e);
        }
    }

    /** The private key in {@code file}: PKCS#8 ({@code PRIVATE KEY}) or traditional ({@code RSA/EC PRIVATE KEY}). */
    static PrivateKey readPrivateKey(Path file, String option) {
        String text = read(file, option);
        try (Reader in = new StringReader(text); PEMParser parser = new PEMParser(in)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    // SEC1 keys may leave the public key out, so only the private half is converted.
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
            }
        } catch (PEMException e) {
            throw new TlsSetupException(option + " " + file + " holds a key Trent cannot read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TlsSetupException(option + " " + file + " is not a PEM file: " + e.getMessage(), e);
        }
        throw new TlsSetupException(option + " " + file + " holds no unencrypted PEM private key"
                + " (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    /** {@code der} as a PEM block of type {@code type}, 64 characters a line. */
    static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new TlsSetupException(option + " " + file + " does not exist", e);
        } catch (IOException e) {
            throw new TlsSetupException("cannot read " + option + " " + file + ": " + e.getMessage(), e);
        }
    }
}
