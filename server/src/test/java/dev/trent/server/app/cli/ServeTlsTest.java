package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trent serve} with TLS, really started: the start-up output names an https endpoint, the certificate's
 * fingerprint (which {@code openssl x509 -fingerprint -sha256} agrees with) and its PEM file; a second start
 * reuses it; unusable files end in one {@code trent:} line.
 */
class ServeTlsTest {

    private static final Pattern TLS_LINE = Pattern.compile(
            "TLS: self-signed certificate (created|reused), SHA-256 fingerprint ([0-9A-F:]{95}); clients trust it"
                    + " with the PEM file (.+)");

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void selfSigned_printsTheFingerprintOfThePemItNames_andReusesItNextTime() throws Exception {
        assertEquals(0, serve("--tls-self-signed", "--data-dir", dir.toString(), "--port", "0",
                "--hostname", "trent"), stderr.toString(StandardCharsets.UTF_8));

        List<String> lines = out();
        assertTrue(lines.stream().anyMatch(l -> l.matches("Trent \\S+ on https://127\\.0\\.0\\.1:\\d+ \\| .*")),
                String.join("\n", lines));
        Matcher first = tlsLine(lines);
        assertEquals("created", first.group(1));
        Path pem = Path.of(first.group(3));
        assertEquals(dir.resolve("tls").resolve("self-signed.pem").toAbsolutePath(), pem);
        assertEquals(fingerprintOf(pem), first.group(2));
        assertEquals("Ready.", lines.get(lines.size() - 2));

        stdout.reset();
        assertEquals(0, serve("--tls-self-signed", "--data-dir", dir.toString(), "--port", "0",
                "--hostname", "trent"));
        Matcher second = tlsLine(out());
        assertEquals("reused", second.group(1));
        assertEquals(first.group(2), second.group(2));
    }

    @Test
    void missingCertificateFile_isOneErrorLine_exit1() {
        Path certificate = dir.resolve("missing.pem");

        assertEquals(1, serve("--in-memory", "--port", "0", "--tls-cert", certificate.toString(),
                "--tls-key", dir.resolve("missing.key").toString()));

        assertEquals(List.of("trent: --tls-cert " + certificate + " does not exist"),
                stderr.toString(StandardCharsets.UTF_8).lines().toList());
        assertFalse(stdout.toString(StandardCharsets.UTF_8).contains("Ready."));
    }

    private int serve(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "serve";
        System.arraycopy(options, 0, args, 1, options.length);
        return new Cli(name -> null, ServerLauncher.trentServer(), new StopSignal() {
            @Override
            public void arm(Runnable onJvmShutdown) {
            }

            @Override
            public void await() {
            }
        }).run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private List<String> out() {
        return stdout.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static Matcher tlsLine(List<String> lines) {
        for (String line : lines) {
            Matcher m = TLS_LINE.matcher(line);
            if (m.matches()) {
                return m;
            }
        }
        throw new AssertionError("no TLS line in:\n" + String.join("\n", lines));
    }

    /** What openssl says the certificate's SHA-256 fingerprint is; the JDK's digest where openssl is missing. */
    private static String fingerprintOf(Path pem) throws Exception {
        try {
            Process openssl = new ProcessBuilder("openssl", "x509", "-in", pem.toString(), "-noout", "-fingerprint",
                    "-sha256").redirectErrorStream(true).start();
            String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, openssl.waitFor(), output);
            assertTrue(output.toLowerCase(Locale.ROOT).startsWith("sha256 fingerprint="), output);
            return output.substring(output.indexOf('=') + 1).toUpperCase(Locale.ROOT);
        } catch (IOException noOpenSsl) {
            byte[] der = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem))).getEncoded();
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(der));
        }
    }
}
