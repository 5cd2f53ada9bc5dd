package dev.trent.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.error.AccessDeniedException;
import dev.trent.server.error.InvalidArnException;
import dev.trent.server.error.KmsException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.KeyReference;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.Compromise;
import dev.trent.server.key.lifecycle.Cryptoperiods;
import dev.trent.server.key.lifecycle.LifecycleEvent;
import dev.trent.server.key.lifecycle.NistPhase;
import dev.trent.server.service.LifecycleService;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /_trent/keys/{keyId}/...}: a key's NIST phase, cryptoperiods and history ({@code GET .../lifecycle}),
 * setting and clearing cryptoperiods ({@code PUT} and {@code DELETE .../cryptoperiods}), suspending and resuming
 * with a reason, and marking a key compromised ({@code POST .../suspend|resume|compromise}). The key is named by
 * id, key ARN or alias; an id or alias is looked up in the account and Region given by the {@code account} and
 * {@code region} query parameters, by default the server's. Refusals carry the KMS error type and message.
 */
final class KeyLifecycleEndpoints {

    static final String CALLER = "admin API";

    private final LifecycleService lifecycle;
    private final String defaultAccount;
    private final String defaultRegion;

    KeyLifecycleEndpoints(LifecycleService lifecycle, String defaultAccount, String defaultRegion) {
        this.lifecycle = lifecycle;
        this.defaultAccount = defaultAccount;
        this.defaultRegion = defaultRegion;
    }

    AdminResponse show(AdminRequest request) {
        return answer(() -> lifecycle.view(scope(request), keyId(request)));
    }

    AdminResponse setCryptoperiods(AdminRequest request) {
        ObjectNode body = request.jsonObject();
        onlyFields(body, Set.of("originatorUsagePeriod", "recipientUsagePeriod", "reason"));
        Duration originator = period(body, "originatorUsagePeriod");
        Duration recipient = period(body, "recipientUsagePeriod");
        Cryptoperiods periods;
        try {
            periods = new Cryptoperiods(originator, recipient);
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(capitalized(e.getMessage()) + ".");
        }
        return answer(() -> lifecycle.setCryptoperiods(scope(request), keyId(request), periods, CALLER,
                text(body, "reason")));
    }

    AdminResponse clearCryptoperiods(AdminRequest request) {
        String reason = request.body().isObject() ? text((ObjectNode) request.body(), "reason") : null;
        return answer(() -> lifecycle.clearCryptoperiods(scope(request), keyId(request), CALLER, reason));
    }

    AdminResponse suspend(AdminRequest request) {
        String reason = reason(request);
        return answer(() -> lifecycle.suspend(scope(request), keyId(request), CALLER, reason));
    }

    AdminResponse resume(AdminRequest request) {
        String reason = reason(request);
        return answer(() -> lifecycle.resume(scope(request), keyId(request), CALLER, reason));
    }

    AdminResponse compromise(AdminRequest request) {
        ObjectNode body = request.jsonObject();
        onlyFields(body, Set.of("reason", "allowProcessing"));
        JsonNode allow = body.get("allowProcessing");
        if (allow != null && !allow.isBoolean()) {
            throw AdminException.badRequest("allowProcessing must be true or false.");
        }
        String reason = requiredReason(body);
        boolean processingAllowed = allow != null && allow.booleanValue();
        return answer(() -> lifecycle.compromise(scope(request), keyId(request), CALLER, reason, processingAllowed));
    }

    /**
     * An ARN names its own account and Region, whatever the query says, so a key is found from its ARN wherever
     * it lives; ids and aliases are looked up where the query (or the server's default) points.
     */
    private Scope scope(AdminRequest request) {
        KeyReference reference = KeyReference.parse(keyId(request));
        if (reference instanceof KeyReference.ByKeyArn arn) {
            return new Scope(arn.account(), arn.region());
        }
        if (reference instanceof KeyReference.ByAliasArn arn) {
            return new Scope(arn.account(), arn.region());
        }
        return new Scope(request.queryParam("account").orElse(defaultAccount),
                request.queryParam("region").orElse(defaultRegion));
    }

    private static String keyId(AdminRequest request) {
        return request.pathParam("keyId");
    }

    /** Runs a lifecycle action and renders the key's lifecycle, or the KMS error it raised. */
    private static AdminResponse answer(Supplier<LifecycleService.View> action) {
        try {
            return AdminResponse.ok(render(action.get()));
        } catch (KmsException e) {
            throw new AdminException(status(e), e.errorType(), e.awsMessage().orElse(e.errorType()));
        }
    }

    private static int status(KmsException e) {
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ValidationException || e instanceof InvalidArnException) {
            return 400;
        }
        return e instanceof AccessDeniedException ? 403 : 409;
    }

    static ObjectNode render(LifecycleService.View view) {
        ObjectNode out = AdminResponse.object()
                .put("keyId", view.id().value())
                .put("arn", view.scope().keyArn(view.id()))
                .put("account", view.scope().account())
                .put("region", view.scope().region());
        if (view.key().isPresent()) {
            out.put("awsState", view.key().get().state().name());
        } else {
            out.putNull("awsState");
        }
        out.put("phase", phaseName(view.phase()));
        view.lifecycle().periods().ifPresentOrElse(periods -> {
            ObjectNode p = out.putObject("cryptoperiods");
            KmsKey key = view.key().orElse(null);
            if (periods.originatorUsage() != null) {
                p.put("originatorUsagePeriod", iso(periods.originatorUsage()));
                if (key != null) {
                    p.put("originatorUsageEnds", periods.originatorUsageEnds(key.creationDate()).get().toString());
                }
            }
            if (periods.recipientUsage() != null) {
                p.put("recipientUsagePeriod", iso(periods.recipientUsage()));
                if (key != null) {
                    p.put("recipientUsageEnds", periods.recipientUsageEnds(key.creationDate()).get().toString());
                }
            }
        }, () -> out.putNull("cryptoperiods"));
        Compromise compromise = view.lifecycle().compromise();
        if (compromise == null) {
            out.putNull("compromise");
        } else {
            out.putObject("compromise").put("at", compromise.at().toString()).put("reason", compromise.reason())
                    .put("processingAllowed", compromise.processingAllowed());
        }
        if (view.lifecycle().destroyedAt() != null) {
            out.put("destroyedAt", view.lifecycle().destroyedAt().toString());
        }
        ArrayNode history = out.putArray("history");
        for (LifecycleEvent e : view.lifecycle().history()) {
            ObjectNode entry = history.addObject().put("at", e.at().toString()).put("trigger", e.trigger())
                    .put("caller", e.caller());
            entry.put("reason", e.reason());
            entry.put("awsStateFrom", e.awsFrom() == null ? null : e.awsFrom().name());
            entry.put("awsStateTo", e.awsTo() == null ? null : e.awsTo().name());
            entry.put("phaseFrom", e.phaseFrom() == null ? null : phaseName(e.phaseFrom()));
            entry.put("phaseTo", phaseName(e.phaseTo()));
        }
        return out;
    }

    /** NIST's names: "pre-activation", "destroyed-compromised", ... */
    static String phaseName(NistPhase phase) {
        return phase.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** ISO-8601, in whole days where the period is whole days ("P90D" rather than "PT2160H"). */
    static String iso(Duration d) {
        return d.toSeconds() % 86_400 == 0 && d.getNano() == 0 ? "P" + d.toDays() + "D" : d.toString();
    }

    private static Duration period(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw AdminException.badRequest(field + " must be an ISO-8601 duration such as \"P90D\".");
        }
        try {
            return Duration.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw AdminException.badRequest(field + " must be an ISO-8601 duration such as \"P90D\", got \""
                    + value.asText() + "\".");
        }
    }

    private static String reason(AdminRequest request) {
        ObjectNode body = request.jsonObject();
        onlyFields(body, Set.of("reason"));
        return requiredReason(body);
    }

    private static String requiredReason(ObjectNode body) {
        String reason = text(body, "reason");
        if (reason == null || reason.isBlank()) {
            throw AdminException.badRequest("reason is required: say why, it goes into the key's history.");
        }
        return reason;
    }

    private static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw AdminException.badRequest(field + " must be a string.");
        }
        return value.asText();
    }

    private static void onlyFields(ObjectNode body, Set<String> allowed) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw AdminException.badRequest("Unknown field '" + name + "'; the fields are "
                        + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
        }
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
