package dev.trent.server.app;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed EC P-256 certificate for the server's names ({@code --tls-self-signed}), kept as two PEM files
 * in a directory: {@code self-signed.pem} (the certificate, to hand to clients as their trust anchor) and
 * {@code self-signed.key} (owner-only). A start finds and reuses them while they are valid for long enough and
 * name every name asked for, so clients configured with the certificate keep working across restarts.
 */
public final class SelfSignedCertificate {

    static final String CERTIFICATE_FILE = "self-signed.pem";
    static final String KEY_FILE = "self-signed.key";
    private static final Duration VALIDITY = Duration.ofDays(397);
    /** A certificate this close to its end is replaced, so it does not expire under a running server. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    /** The certificate in use, where its PEM files are, and whether this start made it. */
    public record Issued(Path certificateFile, Path keyFile, X509Certificate certificate, boolean created) {

        /** SHA-256 over the DER certificate, colon-separated upper-case hex. */
        public String sha256Fingerprint() {
            return ServerTls.fingerprint(certificate);
        }
    }

    private SelfSignedCertificate() {
    }

    /** The names every certificate carries, besides the listening host and the configured names. */
    static Set<String> namesFor(String listeningHost, Collection<String> hostnames) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1", listeningHost));
        names.addAll(hostnames);
        return names;
    }

    /** The certificate in {@code dir} when it still fits {@code names} at {@code now}; otherwise a new one. */
    public static Issued ensure(Path dir, Set<String> names, Instant now) {
        Path certificateFile = dir.resolve(CERTIFICATE_FILE);
        Path keyFile = dir.resolve(KEY_FILE);
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            X509Certificate existing = PemFiles.readCertificates(certificateFile, "the certificate").get(0);
            PemFiles.readPrivateKey(keyFile, "the certificate's key");
            if (fits(existing, names, now)) {
                return new Issued(certificateFile, keyFile, existing, false);
            }
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = issue(pair, names, now);
            write(keyFile, PemFiles.pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
            write(certificateFile, PemFiles.pem("CERTIFICATE", certificate.getEncoded()), false);
            return new Issued(certificateFile, keyFile, certificate, true);
        } catch (IOException e) {
            throw new TlsSetupException("cannot write the self-signed certificate to " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the JDK cannot make an EC P-256 certificate", e);
        }
    }

    private static X509Certificate issue(KeyPair pair, Set<String> names, Instant now)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X500Name subject = new X500Name("CN=Trent local KMS");
        GeneralName[] alternatives = names.stream().map(SelfSignedCertificate::generalName)
                .toArray(GeneralName[]::new);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(127, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives))
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    private static boolean fits(X509Certificate certificate, Set<String> names, Instant now) {
        if (now.isBefore(certificate.getNotBefore().toInstant())
                || now.plus(RENEW_BEFORE).isAfter(certificate.getNotAfter().toInstant())) {
            return false;
        }
        try {
            Set<String> present = new LinkedHashSet<>();
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> entry : certificate.getSubjectAlternativeNames()) {
                    present.add(canonical(String.valueOf(entry.get(1))));
                }
            }
            return names.stream().map(SelfSignedCertificate::canonical).allMatch(present::contains);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static GeneralName generalName(String name) {
        return isAddress(name) ? new GeneralName(GeneralName.iPAddress, name)
                : new GeneralName(GeneralName.dNSName, name);
    }

    /** IP addresses in their one JDK spelling ({@code 0:0:0:0:0:0:0:1} for {@code ::1}), names in lower case. */
    private static String canonical(String name) {
        if (isAddress(name)) {
            try {
                return InetAddress.getByName(name).getHostAddress();
            } catch (UnknownHostException e) {
                return name;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** An IP literal, which never needs a DNS lookup to read. */
    private static boolean isAddress(String name) {
        return name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** Written to a temporary file (owner-only from its creation for a key), then moved into place. */
    private static void write(Path file, String content, boolean ownerOnly) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (ownerOnly && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
