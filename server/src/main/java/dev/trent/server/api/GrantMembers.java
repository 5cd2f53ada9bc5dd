package dev.trent.server.api;

import dev.trent.server.key.Grant;
import dev.trent.server.key.GrantOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The members of the grant operations, read with the model's constraints, and GrantListEntry. */
public final class GrantMembers {

    private static final String PRINCIPAL_SHOWN = "^[\\w+=,.@:/-]+$";
    private static final Pattern PRINCIPAL = Pattern.compile(PRINCIPAL_SHOWN);
    private static final String SERVICE_PRINCIPAL_SHOWN = "^([A-Za-z0-9\\-]+)\\.([A-Za-z0-9\\-]+)(\\.[A-Za-z0-9\\-]+)+$";
    private static final Pattern SERVICE_PRINCIPAL = Pattern.compile(SERVICE_PRINCIPAL_SHOWN);
    private static final String NAME_SHOWN = "^[a-zA-Z0-9:/_-]+$";
    private static final Pattern NAME = Pattern.compile(NAME_SHOWN);
    private static final String SOURCE_ARN_SHOWN = "^arn:aws[a-z0-9-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{12}:.+$";
    private static final Pattern SOURCE_ARN = Pattern.compile(SOURCE_ARN_SHOWN);

    private GrantMembers() {
    }

    /** PrincipalIdType: 1 to 256 characters of {@code [\w+=,.@:/-]}. */
    public static String principal(JsonRequest request, String member) {
        return request.string(member, 1, 256, PRINCIPAL, PRINCIPAL_SHOWN).orElse(null);
    }

    /** ServicePrincipalType: 1 to 128 characters, a dotted service name. */
    public static String servicePrincipal(JsonRequest request, String member) {
        return request.string(member, 1, 128, SERVICE_PRINCIPAL, SERVICE_PRINCIPAL_SHOWN).orElse(null);
    }

    /** GrantNameType. */
    public static String name(JsonRequest request) {
        return request.string("Name", 1, 256, NAME, NAME_SHOWN).orElse(null);
    }

    /** GrantIdType: 1 to 128 characters (its form is checked by the service: InvalidGrantIdException). */
    public static Optional<String> grantId(JsonRequest request) {
        return request.string("GrantId", 1, 128);
    }

    /** GrantTokenType: 1 to 8192 characters. */
    public static Optional<String> grantToken(JsonRequest request) {
        return request.string("GrantToken", 1, 8192);
    }

    /** The required Operations list; an unknown name is reported in AWS's grammar for enum lists. */
    public static List<GrantOperation> operations(JsonRequest request) {
        request.required("Operations");
        List<String> all = new ArrayList<>();
        for (GrantOperation o : GrantOperation.values()) {
            all.add(o.name());
        }
        return request.enumList("Operations", GrantOperation.class, all);
    }

    /** GrantConstraints, or null when absent. */
    public static Grant.Constraints constraints(JsonRequest request) {
        Optional<JsonRequest> structure = request.structure("Constraints");
        if (structure.isEmpty()) {
            return null;
        }
        JsonRequest c = structure.get();
        Map<String, String> subset = c.has("EncryptionContextSubset") ? c.stringMap("EncryptionContextSubset") : null;
        Map<String, String> equals = c.has("EncryptionContextEquals") ? c.stringMap("EncryptionContextEquals") : null;
        String sourceArn = c.string("SourceArn", 20, 512, SOURCE_ARN, SOURCE_ARN_SHOWN).orElse(null);
        return new Grant.Constraints(subset, equals, sourceArn);
    }

    /** One GrantListEntry, members in the model's order. */
    public static JsonResponse entry(Grant grant) {
        JsonResponse json = JsonResponse.create()
                .string("KeyId", grant.keyArn())
                .string("GrantId", grant.grantId())
                .string("Name", grant.name())
                .time("CreationDate", grant.creationDate())
                .string("GranteePrincipal", grant.granteePrincipal())
                .string("RetiringPrincipal", grant.retiringPrincipal())
                .string("IssuingAccount", grant.issuingAccount())
                .names("Operations", grant.operations());
        Grant.Constraints c = grant.constraints();
        if (c != null) {
            JsonResponse constraints = JsonResponse.create();
            if (c.encryptionContextSubset() != null) {
                constraints.object("EncryptionContextSubset", map(c.encryptionContextSubset()));
            }
            if (c.encryptionContextEquals() != null) {
                constraints.object("EncryptionContextEquals", map(c.encryptionContextEquals()));
            }
            constraints.string("SourceArn", c.sourceArn());
            json.object("Constraints", constraints);
        }
        return json.string("GranteeServicePrincipal", grant.granteeServicePrincipal())
                .string("RetiringServicePrincipal", grant.retiringServicePrincipal());
    }

    private static JsonResponse map(Map<String, String> values) {
        JsonResponse json = JsonResponse.create();
        values.forEach(json::string);
        return json;
    }
}
