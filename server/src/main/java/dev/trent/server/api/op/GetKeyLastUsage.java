package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.UsageTracker;

/** GetKeyLastUsage: the last successful cryptographic operation of a key (key id or key ARN). */
public final class GetKeyLastUsage implements Operation {

    private final UsageTracker usage;

    public GetKeyLastUsage(UsageTracker usage) {
        this.usage = usage;
    }

    @Override
    public String name() {
        return "GetKeyLastUsage";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        request.validate();
        UsageTracker.Report report = usage.report(context.scope(), keyId);
        JsonResponse json = JsonResponse.create().string("KeyId", report.key().id().value());
        report.lastUsage().ifPresent(last -> json.object("KeyLastUsage", JsonResponse.create()
                .string("Operation", last.operation())
                .time("Timestamp", last.timestamp())
                .string("KmsRequestId", last.requestId())));
        return json.time("TrackingStartDate", report.trackingStartDate())
                .time("KeyCreationDate", report.key().creationDate());
    }
}
