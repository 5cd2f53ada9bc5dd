package dev.trent.server.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A LookupEvents request, checked as CloudTrail checks it: at most one lookup attribute with a value of 1 to
 * 2000 characters, a start time not after the end time, MaxResults from 1 to 50 (default 50), the event category
 * {@code insight} or none, and a NextToken issued for the same parameters.
 *
 * @param before the page starts with the newest event whose sequence is below this (Long.MAX_VALUE: the newest)
 */
record LookupRequest(Optional<LookupAttribute> attribute, String value, Optional<Instant> start,
                     Optional<Instant> end, boolean insights, int maxResults, long before) {

    static final int DEFAULT_MAX_RESULTS = 50;

    static LookupRequest parse(JsonNode body) {
        Optional<LookupAttribute> attribute = Optional.empty();
        String value = "";
        JsonNode attributes = body.path("LookupAttributes");
        if (!attributes.isMissingNode() && !attributes.isNull()) {
            if (!attributes.isArray() || attributes.size() > 1) {
                throw invalidAttributes("You can specify only one lookup attribute.");
            }
            if (attributes.size() == 1) {
                JsonNode only = attributes.get(0);
                if (!only.path("AttributeKey").isTextual() || !only.path("AttributeValue").isTextual()) {
                    throw invalidAttributes("A lookup attribute needs an AttributeKey and an AttributeValue.");
                }
                attribute = Optional.of(LookupAttribute.of(only.path("AttributeKey").asText()));
                value = only.path("AttributeValue").asText();
                if (value.isEmpty() || value.length() > 2000) {
                    throw invalidAttributes("The AttributeValue must be 1 to 2000 characters long.");
                }
            }
        }
        Optional<Instant> start = time(body, "StartTime");
        Optional<Instant> end = time(body, "EndTime");
        if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
            throw new CloudTrailException(CloudTrailException.Type.INVALID_TIME_RANGE,
                    "The start time must not be after the end time.");
        }
        boolean insights = false;
        JsonNode category = body.path("EventCategory");
        if (!category.isMissingNode() && !category.isNull()) {
            if (!"insight".equals(category.asText())) {
                throw new CloudTrailException(CloudTrailException.Type.INVALID_EVENT_CATEGORY,
                        "The event category '" + category.asText() + "' is not valid. The valid value is insight.");
            }
            insights = true;
        }
        int maxResults = DEFAULT_MAX_RESULTS;
        JsonNode max = body.path("MaxResults");
        if (!max.isMissingNode() && !max.isNull()) {
            if (!max.canConvertToInt() || max.asInt() < 1 || max.asInt() > 50) {
                throw new CloudTrailException(CloudTrailException.Type.INVALID_MAX_RESULTS,
                        "MaxResults must be from 1 to 50.");
            }
            maxResults = max.asInt();
        }
        LookupRequest request = new LookupRequest(attribute, value, start, end, insights, maxResults, Long.MAX_VALUE);
        JsonNode token = body.path("NextToken");
        if (!token.isMissingNode() && !token.isNull()) {
            return request.from(token.asText());
        }
        return request;
    }

    /** Whether {@code record} is one this request asks for (time bounds inclusive, to the second). */
    Predicate<JsonNode> matching() {
        Predicate<JsonNode> byAttribute = attribute.map(a -> a.matching(value)).orElse(record -> true);
        return record -> {
            Instant time = EventSummary.time(record);
            return byAttribute.test(record) && start.map(s -> !time.isBefore(s)).orElse(true)
                    && end.map(e -> !time.isAfter(e)).orElse(true);
        };
    }

    /** The token for the page that starts with the newest matching event below {@code sequence}. */
    String tokenBefore(long sequence) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((sequence + ":" + fingerprint())
                .getBytes(StandardCharsets.UTF_8));
    }

    private LookupRequest from(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 2 && parts[1].equals(fingerprint())) {
                return new LookupRequest(attribute, value, start, end, insights, maxResults, Long.parseLong(parts[0]));
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the refusal below, as a token of another request does.
        }
        throw new CloudTrailException(CloudTrailException.Type.INVALID_NEXT_TOKEN,
                "The NextToken is not valid, or was issued for a request with other parameters.");
    }

    /** What a token is bound to: every parameter but MaxResults and the token itself. */
    private String fingerprint() {
        String parameters = attribute.map(LookupAttribute::key).orElse("") + "\n" + value + "\n"
                + start.map(Instant::toString).orElse("") + "\n" + end.map(Instant::toString).orElse("") + "\n"
                + insights;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(parameters.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Optional<Instant> time(JsonNode body, String member) {
        JsonNode node = body.path(member);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isNumber()) {
            throw new CloudTrailException(CloudTrailException.Type.SERIALIZATION,
                    member + " must be a timestamp in seconds since the epoch.");
        }
        double seconds = node.asDouble();
        return Optional.of(Instant.ofEpochSecond((long) Math.floor(seconds),
                (long) ((seconds - Math.floor(seconds)) * 1_000_000_000L)));
    }

    private static CloudTrailException invalidAttributes(String message) {
        return new CloudTrailException(CloudTrailException.Type.INVALID_LOOKUP_ATTRIBUTES, message);
    }
}
