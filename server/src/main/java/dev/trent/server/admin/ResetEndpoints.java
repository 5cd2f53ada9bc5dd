package dev.trent.server.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.time.MovableClock;

/**
 * The reset endpoints: each wipes all state, in every account and Region, and answers in the shape of the tool
 * it stands in for. {@code POST /_trent/reset} says what was removed; {@code POST /moto-api/reset} answers as
 * moto does ({@code {"status": "ok"}}); {@code POST /_localstack/state/reset} and
 * {@code POST /_localstack/state/{service}/reset} answer as LocalStack does, 200 with an empty body. LocalStack
 * resets one service with the latter, and does nothing for a service it does not run; Trent runs only KMS.
 */
final class ResetEndpoints {

    /** The one service whose state {@code /_localstack/state/{service}/reset} wipes. */
    static final String KMS = "kms";

    private final StateWipe wipe;
    private final MovableClock clock;

    ResetEndpoints(StateWipe wipe, MovableClock clock) {
        this.wipe = wipe;
        this.clock = clock;
    }

    AdminResponse trent(AdminRequest request) {
        StateWipe.Removed removed = wipe.wipeAll();
        ObjectNode body = AdminResponse.object().put("status", "ok");
        body.putObject("removed")
                .put("keys", removed.keys())
                .put("awsManagedKeys", removed.awsManagedKeys())
                .put("aliases", removed.aliases())
                .put("grants", removed.grants())
                .put("keyPolicies", removed.keyPolicies())
                .put("tags", removed.tags())
                .put("lifecycleRecords", removed.lifecycleRecords())
                .put("customKeyStores", removed.customKeyStores())
                .put("customKeyStoresDisconnected", removed.customKeyStoresDisconnected())
                .put("importTokens", removed.importTokens());
        body.put("now", clock.instant().toString()).put("offsetSeconds", clock.offset().getSeconds());
        return AdminResponse.ok(body);
    }

    AdminResponse moto(AdminRequest request) {
        wipe.wipeAll();
        return AdminResponse.ok(AdminResponse.object().put("status", "ok"));
    }

    AdminResponse localStack(AdminRequest request) {
        wipe.wipeAll();
        return AdminResponse.okWithoutBody();
    }

    AdminResponse localStackService(AdminRequest request) {
        if (request.pathParam("service").equals(KMS)) {
            wipe.wipeAll();
        }
        return AdminResponse.okWithoutBody();
    }
}
