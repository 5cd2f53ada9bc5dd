package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules alone: which Host, Origin and browser signals pass, for a server on 127.0.0.1 and on 0.0.0.0. */
class CrossSiteRulesTest {

    private final CrossSiteRules loopback = new CrossSiteRules("127.0.0.1", List.of("kms.internal"), false);

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:4566", "LOCALHOST.:4566", "app.localhost:4566",
        "127.0.0.1:4566", "[::1]:4566", "[0:0:0:0:0:0:0:1]", "192.168.1.20:8080", "kms.internal", "KMS.internal:443"})
    void host_ownNamesAndAddresses_pass(String host) {
        assertEquals(Optional.empty(), loopback.refusal(HttpMethod.GET, headers("Host", host)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "localhost.evil.example:4566", "127.0.0.1.nip.io:4566",
        "kms.internal.evil.example", "2130706433:4566", "local host", "localhost:99999", "[evil]:4566", ""})
    void host_otherNames_areRefused(String host) {
        assertTrue(loopback.refusal(HttpMethod.GET, headers("Host", host)).isPresent(), host);
    }

    @Test
    void host_twoHeaders_areRefused_andNoneIsAllowed() {
        assertEquals(Optional.of("A request may carry only one Host header."),
                loopback.refusal(HttpMethod.GET, headers("Host", "localhost", "Host", "evil.example")));
        assertEquals(Optional.empty(), loopback.refusal(HttpMethod.POST, headers()), "an HTTP/1.0 tool");
    }

    @Test
    void listeningName_isItsOwnName() {
        CrossSiteRules named = new CrossSiteRules("devbox.lan", List.of(), false);
        CrossSiteRules anyV6 = new CrossSiteRules("::", List.of(), false);

        assertEquals(Optional.empty(), named.refusal(HttpMethod.GET, headers("Host", "devbox.lan:4566")));
        assertEquals(Optional.empty(), anyV6.refusal(HttpMethod.GET, headers("Host", "[::]:4566")));
        assertTrue(anyV6.refusal(HttpMethod.GET, headers("Host", "devbox.lan:4566")).isPresent());
    }

    @Test
    void origin_mustBeThisServersOwn_schemeHostAndPort() {
        assertEquals(Optional.empty(), loopback.refusal(HttpMethod.POST, headers("Host", "localhost:4566",
                "Origin", "http://localhost:4566", "Content-Type", "application/json")));
        assertEquals(Optional.empty(), loopback.refusal(HttpMethod.POST, headers("Host", "localhost",
                "Origin", "http://localhost:80", "Content-Type", "application/json")));
        for (String other : List.of("https://localhost:4566", "http://localhost:4567", "http://127.0.0.1:4566",
                "null", "http://localhost:4566/path", "http://user@localhost:4566", "not a url")) {
            assertTrue(loopback.refusal(HttpMethod.POST, headers("Host", "localhost:4566", "Origin", other,
                    "Content-Type", "application/json")).isPresent(), other);
        }
        CrossSiteRules tls = new CrossSiteRules("127.0.0.1", List.of(), true);
        assertEquals(Optional.empty(), tls.refusal(HttpMethod.POST, headers("Host", "localhost:4566",
                "Origin", "https://localhost:4566", "Content-Type", "application/json")));
        assertTrue(tls.refusal(HttpMethod.POST, headers("Host", "localhost:4566",
                "Origin", "http://localhost:4566", "Content-Type", "application/json")).isPresent());
    }

    @Test
    void secFetchSite_onlySameOriginOrNone() {
        for (String site : List.of("same-origin", "none", "Same-Origin")) {
            assertEquals(Optional.empty(), loopback.refusal(HttpMethod.GET,
                    headers("Host", "localhost", "Sec-Fetch-Site", site)), site);
        }
        for (String site : List.of("cross-site", "same-site", "")) {
            assertTrue(loopback.refusal(HttpMethod.GET, headers("Host", "localhost", "Sec-Fetch-Site", site))
                    .isPresent(), site);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "TEXT/PLAIN; charset=utf-8", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x"})
    void browserMadeWrite_withASimpleBodyType_isRefused_butAToolsIsNot(String type) {
        assertTrue(loopback.refusal(HttpMethod.POST, headers("Host", "localhost", "Content-Type", type,
                "User-Agent", "Mozilla/5.0")).isPresent());
        assertTrue(loopback.refusal(HttpMethod.DELETE, headers("Host", "localhost", "Content-Type", type,
                "Sec-Fetch-Mode", "no-cors")).isPresent());
        assertEquals(Optional.empty(), loopback.refusal(HttpMethod.POST, headers("Host", "localhost",
                "Content-Type", type, "User-Agent", "curl/8.5.0")), "curl -d sends a form type");
        assertEquals(Optional.empty(), loopback.refusal(HttpMethod.GET, headers("Host", "localhost",
                "Content-Type", type, "User-Agent", "Mozilla/5.0")), "a read");
    }

    @Test
    void configuredHostname_mustBeAName() {
        assertThrows(IllegalArgumentException.class,
                () -> new CrossSiteRules("127.0.0.1", List.of("evil.example/"), false));
    }

    private static HttpHeaders headers(String... pairs) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(pairs[i], pairs[i + 1]);
        }
        return headers;
    }
}
