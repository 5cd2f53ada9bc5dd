package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP/1.1 pipelining against a started server: many requests written on one socket before any answer is read
 * must be answered one each, in the order they were sent, each answer the one for its request.
 */
class PipeliningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TrentServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TrentServer.start(TrentConfig.builder().port(0).inMemory().build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thousandPipelinedDecrypts_areAnsweredInOrder_eachWithItsOwnPlaintext() throws Exception {
        try (Socket socket = connect()) {
            InputStream in = RawHttp.buffered(socket.getInputStream());
            socket.getOutputStream().write(RawHttp.kmsRequest("CreateKey", "{}"));
            String keyId = json(RawHttp.read(in)).at("/KeyMetadata/KeyId").asText();

            List<byte[]> encrypts = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                encrypts.add(RawHttp.kmsRequest("Encrypt", "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\""
                        + base64("message " + i) + "\"}"));
            }
            List<JsonNode> encrypted = pipeline(socket, in, encrypts);
            List<byte[]> decrypts = new ArrayList<>();
            for (JsonNode answer : encrypted) {
                decrypts.add(RawHttp.kmsRequest("Decrypt", "{\"CiphertextBlob\":\""
                        + answer.get("CiphertextBlob").asText() + "\"}"));
            }
            List<JsonNode> decrypted = pipeline(socket, in, decrypts);

            List<String> mismatches = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String plaintext = new String(Base64.getDecoder().decode(decrypted.get(i).get("Plaintext").asText()),
                        StandardCharsets.UTF_8);
                if (!plaintext.equals("message " + i)) {
                    mismatches.add("answer " + i + " is '" + plaintext + "'");
                }
            }
            assertEquals(List.of(), mismatches);
        }
    }

    @Test
    void moreThan128PipelinedCreateKeys_areAllAnswered_andEachAnswerIsAKeyThatExists() throws Exception {
        try (Socket socket = connect()) {
            InputStream in = RawHttp.buffered(socket.getInputStream());
            List<byte[]> creates = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                creates.add(RawHttp.kmsRequest("CreateKey", "{\"Description\":\"pipelined " + i + "\"}"));
            }
            List<JsonNode> created = pipeline(socket, in, creates);

            Set<String> keyIds = new HashSet<>();
            for (int i = 0; i < 300; i++) {
                assertEquals("pipelined " + i, created.get(i).at("/KeyMetadata/Description").asText());
                keyIds.add(created.get(i).at("/KeyMetadata/KeyId").asText());
            }
            assertEquals(300, keyIds.size());
            List<byte[]> describes = new ArrayList<>();
            for (JsonNode key : created) {
                describes.add(RawHttp.kmsRequest("DescribeKey", "{\"KeyId\":\""
                        + key.at("/KeyMetadata/KeyId").asText() + "\"}"));
            }
            List<JsonNode> described = pipeline(socket, in, describes);
            for (int i = 0; i < 300; i++) {
                assertEquals("pipelined " + i, described.get(i).at("/KeyMetadata/Description").asText());
            }
        }
    }

    @Test
    void pipelinedAdminAndKmsRequests_shareOneOrder() throws Exception {
        try (Socket socket = connect()) {
            InputStream in = RawHttp.buffered(socket.getInputStream());
            byte[] health = "GET /_trent/health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            List<byte[]> requests = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                requests.add(i % 2 == 0 ? health : RawHttp.kmsRequest("GenerateRandom", "{\"NumberOfBytes\":" + i + "}"));
            }
            List<JsonNode> answers = pipeline(socket, in, requests);

            for (int i = 1; i <= 200; i++) {
                JsonNode answer = answers.get(i - 1);
                if (i % 2 == 0) {
                    assertEquals("ok", answer.get("status").asText(), "answer " + i);
                } else {
                    assertEquals(i, Base64.getDecoder().decode(answer.get("Plaintext").asText()).length, "answer " + i);
                }
            }
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket(server.endpoint().getHost(), server.port());
        socket.setSoTimeout(60_000);
        return socket;
    }

    /** Writes every request in one go, then reads as many answers, each a 200. */
    private static List<JsonNode> pipeline(Socket socket, InputStream in, List<byte[]> requests) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        requests.forEach(all::writeBytes);
        Thread writer = new Thread(() -> {
            try {
                socket.getOutputStream().write(all.toByteArray());
                socket.getOutputStream().flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            answers.add(json(RawHttp.read(in)));
        }
        writer.join();
        return answers;
    }

    private static JsonNode json(RawHttp.Response response) throws IOException {
        assertNotNull(response, "an answer");
        assertEquals(200, response.status(), response.body());
        return JSON.readTree(response.body());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
