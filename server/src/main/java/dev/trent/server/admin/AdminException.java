package dev.trent.server.admin;

/**
 * A request the admin API refuses, with the HTTP status and error name to answer; thrown by handlers and the
 * router, turned into {@code {"error": ..., "message": ...}} by {@link AdminRouter}. The message is for the
 * caller, so it says what was wrong with the request and never carries a stack trace.
 */
public final class AdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public AdminException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    /** 400: a value in the request is missing or wrong. */
    public static AdminException badRequest(String message) {
        return new AdminException(400, "BadRequest", message);
    }

    /** 404: the path names nothing, or a thing that does not exist (a key id, for example). */
    public static AdminException notFound(String message) {
        return new AdminException(404, "NotFound", message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
