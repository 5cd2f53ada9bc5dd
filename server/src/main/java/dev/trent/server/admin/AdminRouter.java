package dev.trent.server.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A tiny router for the admin API: a method and a path pattern lead to a {@link Handler}. Patterns are literal
 * segments and {@code {name}} segments, which match any one non-empty segment and reach the handler, decoded,
 * through {@link AdminRequest#pathParam(String)}:
 *
 * <pre>{@code
 * router.route("GET", "/_trent/keys/{keyId}/history", keys::history);
 *
 * AdminResponse history(AdminRequest request) {
 *     String keyId = request.pathParam("keyId");        // "%2F" in the path arrives as "/"
 *     ...
 *     return AdminResponse.ok(AdminResponse.object().put("keyId", keyId));
 * }
 * }</pre>
 *
 * Every route is registered in {@link AdminRoutes}. A handler throws {@link AdminException} to refuse a request
 * (400, 404); the router itself answers 404 for a path no route has, 405 (with {@code Allow}) for a path that
 * exists with other methods, and 400 for a body that is not JSON, so a handler only ever sees well-formed
 * JSON. Anything else a handler throws is a bug: it is logged and answered 500 without details.
 */
public final class AdminRouter {

    /** Every admin path starts with this. */
    public static final String PREFIX = "/_trent/";

    /**
     * Every path the admin API answers: Trent's own, and those of the tools Trent stands in for (LocalStack's
     * internal endpoints, moto's reset), so that pipelines written for them work unchanged.
     */
    public static final List<String> PREFIXES = List.of(PREFIX, "/_localstack/", "/moto-api/");

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Logger LOG = Logger.getLogger(AdminRouter.class.getName());

    /** What a route runs. */
    @FunctionalInterface
    public interface Handler {
        AdminResponse handle(AdminRequest request);
    }

    private record Route(String method, List<String> segments, Handler handler) {

        /** The path parameters when {@code path} fits this route's pattern, else null. */
        Map<String, String> match(List<String> path) {
            if (path.size() != segments.size()) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String pattern = segments.get(i);
                if (isParameter(pattern)) {
                    if (path.get(i).isEmpty()) {
                        return null;
                    }
                    params.put(pattern.substring(1, pattern.length() - 1), path.get(i));
                } else if (!pattern.equals(path.get(i))) {
                    return null;
                }
            }
            return params;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds a route. {@code pattern} starts with one of {@link #PREFIXES}; a method and pattern can be registered once.
     *
     * @throws IllegalArgumentException for a malformed or duplicate pattern, a programming error
     */
    public AdminRouter route(String method, String pattern, Handler handler) {
        Objects.requireNonNull(handler);
        if (PREFIXES.stream().noneMatch(pattern::startsWith)) {
            throw new IllegalArgumentException("an admin route starts with one of " + PREFIXES + ": " + pattern);
        }
        List<String> segments = Arrays.asList(pattern.substring(1).split("/", -1));
        Set<String> names = new LinkedHashSet<>();
        for (String segment : segments) {
            if (segment.isEmpty() || segment.contains("{") && !isParameter(segment)) {
                throw new IllegalArgumentException("malformed admin route pattern: " + pattern);
            }
            if (isParameter(segment) && !names.add(segment)) {
                throw new IllegalArgumentException("repeated " + segment + " in " + pattern);
            }
        }
        String upper = method.toUpperCase(Locale.ROOT);
        for (Route existing : routes) {
            if (existing.method().equals(upper) && existing.segments().equals(segments)) {
                throw new IllegalArgumentException(upper + " " + pattern + " is registered already");
            }
        }
        routes.add(new Route(upper, List.copyOf(segments), handler));
        return this;
    }

    /** Answers one request; never throws for anything the caller sent. */
    public AdminResponse handle(String method, String uri, byte[] body) {
        try {
            return dispatch(method, uri, body);
        } catch (AdminException e) {
            return AdminResponse.error(e.status(), e.error(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "admin request " + method + " " + uri + " failed", e);
            return AdminResponse.error(500, "InternalError", "An internal error occurred.");
        }
    }

    private AdminResponse dispatch(String method, String uri, byte[] body) {
        int queryStart = uri.indexOf('?');
        String rawPath = queryStart < 0 ? uri : uri.substring(0, queryStart);
        int fragment = rawPath.indexOf('#');
        rawPath = fragment < 0 ? rawPath : rawPath.substring(0, fragment);
        List<String> path = segments(rawPath);
        String shownPath = "/" + String.join("/", path);

        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> params = route.match(path);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method)) {
                Map<String, String> query = queryStart < 0 ? Map.of() : query(uri.substring(queryStart + 1));
                return route.handler().handle(new AdminRequest(method, shownPath, params, query, parse(body)));
            }
            allowed.add(route.method());
        }
        if (allowed.isEmpty()) {
            throw AdminException.notFound("There is no admin endpoint at " + shownPath + ".");
        }
        return AdminResponse.error(405, "MethodNotAllowed", shownPath + " answers " + String.join(", ", allowed)
                + ", not " + method + ".").withHeader("Allow", String.join(", ", allowed));
    }

    /** The decoded segments of a raw path; a single trailing slash is ignored. */
    private static List<String> segments(String rawPath) {
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String raw : trimmed.split("/", -1)) {
            // In a path '+' is a plus sign; URLDecoder would make it a space.
            out.add(decode(raw.replace("+", "%2B")));
        }
        return out;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest("The request URI has a malformed percent-encoding: " + raw);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AdminException(400, "InvalidJson", "The request body is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AdminException(400, "InvalidJson", "The request body cannot be read as JSON.");
        }
    }

    private static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")
                && segment.indexOf('{', 1) < 0 && segment.indexOf('}') == segment.length() - 1;
    }
}
