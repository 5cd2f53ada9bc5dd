package dev.trent.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A really started server, spoken to byte for byte over a socket as a browser and as tools speak to it: the
 * issue's attack (a cross-origin text/plain POST to the reset endpoint) and a DNS-rebound request wipe nothing,
 * while the requests of curl and of moto's users do what they always did.
 */
class CrossSiteServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";

    private final TrentServer server = TrentServer.start(TrentConfig.builder().port(0).inMemory()
            .hostname("trent").build());

    CrossSiteServerTest() throws Exception {
    }

    private record Answer(int status, String head, String body) {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void crossOriginTextPlainReset_isRefused_andTheKeysStay() throws Exception {
        createKey();

        Answer attack = send("POST /_trent/reset HTTP/1.1\r\n"
                + "Host: localhost:" + server.port() + "\r\n"
                + "Origin: https://attacker.example\r\n"
                + "Content-Type: text/plain;charset=UTF-8\r\n"
                + "User-Agent: " + BROWSER + "\r\n"
                + "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Dest: empty\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertEquals(403, attack.status, attack.head);
        assertEquals("{\"error\":\"Forbidden\",\"message\":\"Cross-origin request from 'https://attacker.example'"
                + " refused: Trent's API is not open to web pages.\"}", attack.body);
        assertFalse(attack.head.toLowerCase(Locale.ROOT).contains("access-control-"), attack.head);
        assertEquals(1, keyCount(), "nothing was wiped");
    }

    @Test
    void dnsRebinding_isRefused_butAConfiguredHostnameWorks() throws Exception {
        createKey();

        Answer rebound = send("POST /moto-api/reset HTTP/1.1\r\n"
                + "Host: attacker.example:" + server.port() + "\r\n"
                + "Origin: http://attacker.example:" + server.port() + "\r\n"
                + "Content-Type: application/json\r\nUser-Agent: " + BROWSER + "\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        Answer named = send("GET /_trent/health HTTP/1.1\r\nHost: trent:" + server.port()
                + "\r\nConnection: close\r\n\r\n");

        assertEquals(403, rebound.status, rebound.head);
        assertEquals(1, keyCount(), "nothing was wiped");
        assertEquals(200, named.status, named.body);
    }

    @Test
    void curlsLocalStackReset_andMotosReset_stillWipe() throws Exception {
        createKey();
        // curl -X POST http://localhost:4566/_localstack/state/reset
        Answer curl = send("POST /_localstack/state/reset HTTP/1.1\r\nHost: localhost:" + server.port()
                + "\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\nConnection: close\r\n\r\n");
        assertEquals(200, curl.status, curl.head);
        assertEquals(0, keyCount());

        createKey();
        // requests.post("http://localhost:5000/moto-api/reset"), pointed at Trent
        Answer moto = send("POST /moto-api/reset HTTP/1.1\r\nHost: localhost:" + server.port()
                + "\r\nUser-Agent: python-requests/2.32.3\r\nAccept-Encoding: gzip, deflate\r\nAccept: */*\r\n"
                + "Connection: close\r\nContent-Length: 0\r\n\r\n");
        assertEquals(200, moto.status, moto.head);
        assertEquals("{\"status\":\"ok\"}", moto.body);
        assertEquals(0, keyCount());
    }

    private void createKey() throws IOException {
        Answer created = kms("CreateKey", "{}");
        assertEquals(200, created.status, created.body);
    }

    private int keyCount() throws IOException {
        Answer listed = kms("ListKeys", "{}");
        assertEquals(200, listed.status, listed.body);
        JsonNode keys = JSON.readTree(listed.body).get("Keys");
        return keys.size();
    }

    private Answer kms(String operation, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
                + "X-Amz-Target: TrentService." + operation + "\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body);
    }

    /** One request on its own connection (each asks to close); the whole answer, read to the end. */
    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, text.substring(split + 4));
        }
    }
}
