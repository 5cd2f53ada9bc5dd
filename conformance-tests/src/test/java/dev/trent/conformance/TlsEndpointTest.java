package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.SelfSignedCertificate;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * HTTPS through the real AWS SDK: with the self-signed certificate's PEM as the client's only trust anchor, and
 * with a certificate and an RSA key in OpenSSL's traditional format given as files. A client that does not
 * trust the certificate gets no further than the handshake.
 */
class TlsEndpointTest {

    @TempDir
    Path dir;

    @Test
    void selfSigned_sdkTrustingItsPem_encryptsAndDecrypts_overLoopbackAddressAndLocalhost() throws Exception {
        Path pem;
        try (TrentServer server = TrentServer.start(TrentConfig.builder().port(0).inMemory().tlsSelfSigned().build())) {
            SelfSignedCertificate.Issued certificate = server.selfSignedCertificate().orElseThrow();
            pem = certificate.certificateFile();
            assertEquals("https://127.0.0.1:" + server.port(), server.endpoint().toString());

            for (URI endpoint : new URI[] {server.endpoint(), URI.create("https://localhost:" + server.port())}) {
                try (KmsClient kms = client(endpoint, pem)) {
                    String keyId = kms.createKey(r -> r.description("over TLS")).keyMetadata().keyId();
                    SdkBytes ciphertext = kms.encrypt(r -> r.keyId(keyId)
                            .plaintext(SdkBytes.fromUtf8String("secret"))).ciphertextBlob();
                    assertEquals("secret", kms.decrypt(r -> r.ciphertextBlob(ciphertext)).plaintext().asUtf8String());
                }
            }
            try (KmsClient untrusting = client(server.endpoint(), null)) {
                SdkClientException e = assertThrows(SdkClientException.class, untrusting::listKeys);
                assertTrue(causedBy(e, SSLHandshakeException.class), e.toString());
            }
        }
        assertFalse(Files.exists(pem), "an in-memory server's certificate lives as long as the server");
    }

    @Test
    void certificateAndTraditionalRsaKeyFromFiles_areServed() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = certificate(pair);
        Path certificateFile = Files.writeString(dir.resolve("server.pem"), pem(certificate));
        Path keyFile = Files.writeString(dir.resolve("server.key"), pem(pair));
        assertTrue(Files.readString(keyFile).startsWith("-----BEGIN RSA PRIVATE KEY-----"));

        try (TrentServer server = TrentServer.start(TrentConfig.builder().port(0).inMemory()
                .tlsFiles(certificateFile, keyFile).build());
             KmsClient kms = client(URI.create("https://localhost:" + server.port()), certificateFile)) {
            assertEquals(32, kms.generateRandom(r -> r.numberOfBytes(32)).plaintext().asByteArray().length);
            assertTrue(server.selfSignedCertificate().isEmpty());
        }
    }

    private static KmsClient client(URI endpoint, Path trustedPem) throws Exception {
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder();
        if (trustedPem != null) {
            TrustManager[] trust = trustManagers(trustedPem);
            http.tlsTrustManagersProvider(() -> trust);
        }
        return KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(KmsClients.ACCESS_KEY, KmsClients.SECRET_KEY)))
                .httpClient(http.build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    /** A trust store holding only the certificate in {@code pem}, as a user would build one. */
    private static TrustManager[] trustManagers(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        Certificate certificate = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
        store.setCertificateEntry("trent", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static X509Certificate certificate(KeyPair pair) throws Exception {
        X500Name name = new X500Name("CN=localhost");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }

    private static String pem(Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
