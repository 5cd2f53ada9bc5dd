package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.KeyMetadataJson;
import dev.trent.server.api.KeyPolicyDocument;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.PolicyMembers;
import dev.trent.server.api.Regions;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.KeyService;
import dev.trent.server.service.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ReplicateKey: a replica of a multi-Region primary key in another Region of the same account, with the same key
 * id and key material and its own description, tags and key policy (AWS's default key policy when none is
 * given). The response reports the replica as AWS does right after the call, in state Creating; Trent copies the
 * material at once, so the replica is Enabled and usable as soon as the call returns.
 */
public final class ReplicateKey implements Operation {

    private final KeyService keys;

    public ReplicateKey(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "ReplicateKey";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        String replicaRegion = Regions.required(request, "ReplicaRegion");
        String policy = PolicyMembers.policy(request).orElse(null);
        boolean bypassLockoutCheck = request.bool("BypassPolicyLockoutSafetyCheck");
        String description = request.string("Description", 0, 8192).orElse("");
        List<Tags.Tag> tags = Members.tags(request);
        request.validate();

        Map<String, String> tagMap = Tags.merge(Map.of(), Tags.validate(tags));
        if (policy != null) {
            KeyPolicyDocument.validate(policy, context.scope().account(), bypassLockoutCheck);
        }
        KeyService.Replica replica = keys.replicate(context.scope(), keyId, replicaRegion, description, tagMap,
                policy);
        JsonResponse response = JsonResponse.create()
                .object("ReplicaKeyMetadata",
                        KeyMetadataJson.of(replica.key(), keys.related(replica.key())))
                .string("ReplicaPolicy", replica.policy());
        if (!tagMap.isEmpty()) {
            List<JsonResponse> replicaTags = new ArrayList<>();
            tagMap.forEach((k, v) -> replicaTags.add(JsonResponse.create().string("TagKey", k).string("TagValue", v)));
            response.objects("ReplicaTags", replicaTags);
        }
        return response;
    }
}
