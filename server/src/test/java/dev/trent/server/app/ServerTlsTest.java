package dev.trent.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Set;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM files given with --tls-cert and --tls-key: what is read, and the one-line refusals for what is not. */
class ServerTlsTest {

    @TempDir
    Path dir;

    @Test
    void context_fromPkcs8Key() {
        SelfSignedCertificate.Issued issued = SelfSignedCertificate.ensure(dir, Set.of("localhost"), Instant.now());

        assertNotNull(ServerTls.context(issued.certificateFile(), issued.keyFile()));
    }

    @Test
    void context_fromOpenSslsTraditionalEcKey() throws Exception {
        SelfSignedCertificate.Issued issued = SelfSignedCertificate.ensure(dir, Set.of("localhost"), Instant.now());
        Path traditional = dir.resolve("traditional.key");
        Process openssl;
        try {
            openssl = new ProcessBuilder("openssl", "pkey", "-in", issued.keyFile().toString(), "-traditional",
                    "-out", traditional.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException noOpenSsl) {
            Assumptions.abort("openssl is not installed");
            return;
        }
        openssl.getInputStream().readAllBytes();
        assertEquals(0, openssl.waitFor());
        assertTrue(Files.readString(traditional).startsWith("-----BEGIN EC PRIVATE KEY-----"));

        assertNotNull(ServerTls.context(issued.certificateFile(), traditional));
    }

    @Test
    void missingFiles_areNamed() {
        Path certificate = dir.resolve("nowhere.pem");
        Path key = dir.resolve("nowhere.key");

        TlsSetupException e = assertThrows(TlsSetupException.class, () -> ServerTls.context(certificate, key));

        assertEquals("--tls-cert " + certificate + " does not exist", e.getMessage());
    }

    @Test
    void notPem_andNoKey_areNamed() throws Exception {
        SelfSignedCertificate.Issued issued = SelfSignedCertificate.ensure(dir, Set.of("localhost"), Instant.now());
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "hello\n");

        TlsSetupException noCertificate = assertThrows(TlsSetupException.class,
                () -> ServerTls.context(garbage, issued.keyFile()));
        TlsSetupException noKey = assertThrows(TlsSetupException.class,
                () -> ServerTls.context(issued.certificateFile(), issued.certificateFile()));

        assertEquals("--tls-cert " + garbage + " holds no PEM certificate", noCertificate.getMessage());
        assertEquals("--tls-key " + issued.certificateFile() + " holds no unencrypted PEM private key"
                + " (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)", noKey.getMessage());
    }

    @Test
    void aKeyOfAnotherCertificate_isRefused() throws Exception {
        SelfSignedCertificate.Issued one = SelfSignedCertificate.ensure(dir.resolve("one"), Set.of("localhost"),
                Instant.now());
        SelfSignedCertificate.Issued other = SelfSignedCertificate.ensure(dir.resolve("other"), Set.of("localhost"),
                Instant.now());
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Path rsaKey = Files.writeString(dir.resolve("rsa.key"), pem(rsa.generateKeyPair()));

        TlsSetupException ec = assertThrows(TlsSetupException.class,
                () -> ServerTls.context(one.certificateFile(), other.keyFile()));
        TlsSetupException wrongType = assertThrows(TlsSetupException.class,
                () -> ServerTls.context(one.certificateFile(), rsaKey));

        assertEquals("--tls-key " + other.keyFile() + " is not the private key of the certificate in --tls-cert "
                + one.certificateFile(), ec.getMessage());
        assertEquals("--tls-key " + rsaKey + " is not the private key of the certificate in --tls-cert "
                + one.certificateFile(), wrongType.getMessage());
    }

    /** A key pair in OpenSSL's traditional format (EC PRIVATE KEY, RSA PRIVATE KEY). */
    static String pem(KeyPair pair) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(pair);
        }
        return text.toString();
    }
}
