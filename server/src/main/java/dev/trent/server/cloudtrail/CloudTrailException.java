package dev.trent.server.cloudtrail;

/** A CloudTrail request refused with one of CloudTrail's errors; always HTTP 400. */
public final class CloudTrailException extends RuntimeException {

    /** The errors LookupEvents answers, by their {@code __type}. */
    public enum Type {
        INVALID_LOOKUP_ATTRIBUTES("InvalidLookupAttributesException"),
        INVALID_TIME_RANGE("InvalidTimeRangeException"),
        INVALID_MAX_RESULTS("InvalidMaxResultsException"),
        INVALID_NEXT_TOKEN("InvalidNextTokenException"),
        INVALID_EVENT_CATEGORY("InvalidEventCategoryException"),
        UNKNOWN_OPERATION("UnknownOperationException"),
        SERIALIZATION("SerializationException");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private final Type type;

    public CloudTrailException(Type type, String message) {
        super(message);
        this.type = type;
    }

    public Type type() {
        return type;
    }
}
