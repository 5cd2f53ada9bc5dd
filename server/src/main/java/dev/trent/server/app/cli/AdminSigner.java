package dev.trent.server.app.cli;

import dev.trent.server.auth.SecretAccessKey;
import dev.trent.server.auth.SigV4Signer;
import dev.trent.server.auth.SignedRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs the command line's admin requests with SigV4, as {@code --auth verify} requires. It signs the Host
 * header the JDK's client will send, X-Amz-Date and the session token, over the exact path, query and body.
 */
final class AdminSigner {

    /** The service name in the credential scope; the admin API shares KMS's endpoint. */
    static final String SERVICE = "kms";

    private final String accessKeyId;
    private final SecretAccessKey secret;
    private final Optional<String> sessionToken;
    private final String region;
    private final SigV4Signer signer = new SigV4Signer();

    AdminSigner(String accessKeyId, SecretAccessKey secret, Optional<String> sessionToken, String region) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.sessionToken = sessionToken;
        this.region = region;
    }

    /** Adds the signature headers for a request to {@code uri} with {@code body}, signed as of {@code at}. */
    void sign(HttpRequest.Builder builder, String method, URI uri, byte[] body, Instant at) {
        SignedRequest request = new SignedRequest(method, uri.getRawPath(), uri.getRawQuery(),
                List.of(Map.entry("Host", hostHeader(uri))), body);
        for (Map.Entry<String, String> header
                : signer.sign(request, accessKeyId, secret, sessionToken, at, region, SERVICE).headers()) {
            builder.header(header.getKey(), header.getValue());
        }
    }

    /** The Host header the JDK's HTTP/1.1 client sends: the port only when it is not the scheme's default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == ("https".equals(uri.getScheme()) ? 443 : 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
