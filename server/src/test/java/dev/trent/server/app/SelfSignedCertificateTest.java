package dev.trent.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate {@code --tls-self-signed} makes, where it keeps it, and when it makes a new one. */
class SelfSignedCertificateTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void ensure_makesAnEcP256CertificateForEveryName_withAnOwnerOnlyKey() throws Exception {
        Set<String> names = SelfSignedCertificate.namesFor("0.0.0.0", List.of("trent", "192.168.1.20"));

        SelfSignedCertificate.Issued issued = SelfSignedCertificate.ensure(dir, names, NOW);

        X509Certificate certificate = issued.certificate();
        assertTrue(issued.created());
        assertTrue(Set.of("secp256r1", "1.2.840.10045.3.1.7").contains(curveOf((ECPublicKey) certificate.getPublicKey())),
                "P-256");
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"),
                List.of(7, "0.0.0.0"), List.of(2, "trent"), List.of(7, "192.168.1.20")),
                List.copyOf(certificate.getSubjectAlternativeNames()));
        certificate.verify(certificate.getPublicKey());
        assertTrue(certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(issued.keyFile())));
        assertEquals(dir.resolve("self-signed.pem"), issued.certificateFile());
        assertTrue(Files.readString(issued.keyFile()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals(HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())), issued.sha256Fingerprint());
    }

    @Test
    void ensure_reusesTheCertificate_whileItFitsTheNamesAndTime() throws Exception {
        Set<String> names = SelfSignedCertificate.namesFor("127.0.0.1", List.of("trent"));
        SelfSignedCertificate.Issued first = SelfSignedCertificate.ensure(dir, names, NOW);

        SelfSignedCertificate.Issued again = SelfSignedCertificate.ensure(dir,
                SelfSignedCertificate.namesFor("localhost", List.of("TRENT")), NOW.plus(Duration.ofDays(300)));

        assertFalse(again.created());
        assertEquals(first.sha256Fingerprint(), again.sha256Fingerprint());
    }

    @Test
    void ensure_makesANewOne_forANewName_orNearItsEnd() {
        Set<String> names = new LinkedHashSet<>(SelfSignedCertificate.namesFor("127.0.0.1", List.of()));
        SelfSignedCertificate.Issued first = SelfSignedCertificate.ensure(dir, names, NOW);

        names.add("kms.internal");
        SelfSignedCertificate.Issued renamed = SelfSignedCertificate.ensure(dir, names, NOW);
        SelfSignedCertificate.Issued late = SelfSignedCertificate.ensure(dir, names, NOW.plus(Duration.ofDays(380)));

        assertTrue(renamed.created());
        assertNotEquals(first.sha256Fingerprint(), renamed.sha256Fingerprint());
        assertTrue(late.created(), "30 days or less left");
        assertNotEquals(renamed.sha256Fingerprint(), late.sha256Fingerprint());
    }

    private static String curveOf(ECPublicKey key) throws Exception {
        java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
        parameters.init(key.getParams());
        return parameters.getParameterSpec(java.security.spec.ECGenParameterSpec.class).getName();
    }
}
