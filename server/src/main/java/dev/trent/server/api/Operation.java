package dev.trent.server.api;

/**
 * One KMS operation: reads and validates its request, calls a service, shapes the response. Returns null
 * for the operations whose model has no output (the response then has an empty body).
 */
public interface Operation {

    /** The wire name, as in {@code X-Amz-Target: TrentService.<name>}. */
    String name();

    JsonResponse handle(RequestContext context, JsonRequest request);
}
