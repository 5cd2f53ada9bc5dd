package dev.trent.server.keystore;

import dev.trent.server.error.IncorrectTrustAnchorException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/**
 * The TrustAnchorCertificate check. AWS compares it with the certificate that signed the cluster's CSR; a token
 * has no such certificate, so Trent can only insist on what AWS asks for: the content of a PEM X.509
 * certificate (customerCA.crt).
 */
final class TrustAnchor {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

    private TrustAnchor() {
    }

    static void check(String pem, String clusterId) {
        if (!pem.strip().startsWith(BEGIN)) {
            throw incorrect(clusterId);
        }
        try {
            CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | RuntimeException e) {
            throw incorrect(clusterId);
        }
    }

    private static IncorrectTrustAnchorException incorrect(String clusterId) {
        return new IncorrectTrustAnchorException("The trust anchor certificate in the request is not the trust "
                + "anchor certificate for the specified CloudHSM cluster " + clusterId + ".");
    }
}
