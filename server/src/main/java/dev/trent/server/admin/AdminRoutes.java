package dev.trent.server.admin;

import dev.trent.server.service.LifecycleService;
import dev.trent.server.time.TimeTravel;

/**
 * Every endpoint of the admin API, in one place. To add one, write a handler (a method from
 * {@link AdminRequest} to {@link AdminResponse}, in a small class per resource such as {@link ClockEndpoints}),
 * pass what it needs to {@link #create}, and add one {@code .route(...)} line below; the patterns are described
 * in {@link AdminRouter}.
 */
public final class AdminRoutes {

    private AdminRoutes() {
    }

    /**
     * The router for a server whose clock {@code time} moves; {@code version} is what health reports; keys named
     * by id or alias are looked up in {@code defaultAccount} and {@code defaultRegion} unless the request says
     * otherwise.
     */
    public static AdminRouter create(TimeTravel time, String version, LifecycleService lifecycle,
            String defaultAccount, String defaultRegion) {
        return create(time, version, lifecycle, defaultAccount, defaultRegion, InitScriptStatus.NONE);
    }

    /** As above, with the state of the scripts run once Trent is ready, for the LocalStack endpoints. */
    public static AdminRouter create(TimeTravel time, String version, LifecycleService lifecycle,
            String defaultAccount, String defaultRegion, InitScriptStatus init) {
        return create(time, version, lifecycle, defaultAccount, defaultRegion, init, StateWipe.REFUSED);
    }

    /** As above, with {@code wipe} behind the reset endpoints (Trent's, moto's and LocalStack's). */
    public static AdminRouter create(TimeTravel time, String version, LifecycleService lifecycle,
            String defaultAccount, String defaultRegion, InitScriptStatus init, StateWipe wipe) {
        return create(time, version, lifecycle, defaultAccount, defaultRegion, init, wipe, IntegrityStatus.SOUND);
    }

    /** As above, with what health reports of the store's integrity. */
    public static AdminRouter create(TimeTravel time, String version, LifecycleService lifecycle,
            String defaultAccount, String defaultRegion, InitScriptStatus init, StateWipe wipe,
            IntegrityStatus integrity) {
        LocalStackEndpoints localStack = new LocalStackEndpoints(version, init);
        ResetEndpoints reset = new ResetEndpoints(wipe, time.clock());
        HealthEndpoint health = new HealthEndpoint(time.clock(), version, integrity);
        ClockEndpoints clock = new ClockEndpoints(time);
        KeyLifecycleEndpoints keys = new KeyLifecycleEndpoints(lifecycle, defaultAccount, defaultRegion);
        return new AdminRouter()
                .route("GET", "/_trent/health", health::get)
                .route("GET", "/_trent/clock", clock::show)
                .route("POST", "/_trent/clock", clock::advance)
                .route("DELETE", "/_trent/clock", clock::reset)
                .route("GET", "/_trent/keys/{keyId}/lifecycle", keys::show)
                .route("PUT", "/_trent/keys/{keyId}/cryptoperiods", keys::setCryptoperiods)
                .route("DELETE", "/_trent/keys/{keyId}/cryptoperiods", keys::clearCryptoperiods)
                .route("POST", "/_trent/keys/{keyId}/suspend", keys::suspend)
                .route("POST", "/_trent/keys/{keyId}/resume", keys::resume)
                .route("POST", "/_trent/keys/{keyId}/compromise", keys::compromise)
                .route("POST", "/_trent/reset", reset::trent)
                .route("GET", "/_localstack/health", localStack::health)
                .route("GET", "/_localstack/init", localStack::init)
                .route("GET", "/_localstack/init/ready", localStack::ready)
                .route("POST", "/_localstack/state/reset", reset::localStack)
                .route("POST", "/_localstack/state/{service}/reset", reset::localStackService)
                .route("POST", "/moto-api/reset", reset::moto);
    }
}
