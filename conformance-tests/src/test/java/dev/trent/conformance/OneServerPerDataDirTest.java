package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Two Trent processes (the runnable jar) on one data dir: the second, and a rekey, are refused with one line
 * naming the first, which keeps serving; once the first is killed, a new one starts at once.
 */
class OneServerPerDataDirTest {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path dataDir() {
        return dir.resolve("data");
    }

    @Test
    void secondServerAndRekey_areRefusedNamingTheFirst_whichKeepsServing_andAKillFreesTheDataDir() throws Exception {
        String keyId;
        SdkBytes blob;
        try (TrentProcess first = TrentJar.serve(START, "--data-dir", dataDir().toString());
             KmsClient kms = KmsClients.create(first.endpoint(), Region.US_EAST_1)) {
            keyId = kms.createKey(b -> b.description("first")).keyMetadata().keyId();
            String holder = Pattern.quote("data dir " + dataDir() + " is in use by another Trent (pid " + first.pid()
                    + " on host ") + "[^,]+" + Pattern.quote(", serving " + first.endpoint() + " since ")
                    + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)";

            Finished second = run("serve", "--port", "0", "--data-dir", dataDir().toString());
            assertEquals(1, second.exitCode(), second.toString());
            assertEquals("", second.stdout(), second.toString());
            assertOneLineMatching("trent: " + holder + Pattern.quote("; stop it or use another --data-dir"),
                    second.stderr());

            Finished rekey = run("rekey", "--data-dir", dataDir().toString(), "--from", "key-file",
                    "--to", "key-file=" + dir.resolve("new.key"));
            assertEquals(1, rekey.exitCode(), rekey.toString());
            assertOneLineMatching("trent: " + holder + Pattern.quote("; stop it, then run rekey again"), rekey.stderr());

            blob = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("still here"))).ciphertextBlob();
            kms.createAlias(b -> b.aliasName("alias/after-refusals").targetKeyId(keyId));
            first.kill();
        }

        try (TrentProcess next = TrentJar.serve(START, "--data-dir", dataDir().toString());
             KmsClient kms = KmsClients.create(next.endpoint(), Region.US_EAST_1)) {
            assertEquals("still here", kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String());
            assertEquals(keyId, kms.describeKey(b -> b.keyId("alias/after-refusals")).keyMetadata().keyId());
            assertEquals(0, next.stop());
        }
    }

    private static void assertOneLineMatching(String regex, String text) {
        List<String> lines = text.lines().toList();
        assertEquals(1, lines.size(), text);
        assertTrue(Pattern.matches(regex, lines.get(0)), "expected " + regex + "\n but got " + lines.get(0));
    }

    private record Finished(int exitCode, String stdout, String stderr) {
    }

    private static Finished run(String... args) throws Exception {
        Process process = TrentJar.command(args).start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("trent " + String.join(" ", args) + " did not exit within 60 s");
        }
        return new Finished(process.exitValue(), stdout.get(), stderr.get());
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
