package dev.trent.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The LocalStack endpoints that pipelines written for LocalStack wait on, in LocalStack's JSON shapes:
 * {@code GET /_localstack/health} (KMS is the one service, and it is running), {@code GET /_localstack/init}
 * and {@code GET /_localstack/init/ready} (whether the ready scripts have run).
 */
final class LocalStackEndpoints {

    private final String version;
    private final InitScriptStatus init;

    LocalStackEndpoints(String version, InitScriptStatus init) {
        this.version = version;
        this.init = init;
    }

    AdminResponse health(AdminRequest request) {
        ObjectNode body = AdminResponse.object();
        body.putObject("services").put("kms", "running");
        body.put("edition", "community");
        body.put("version", version);
        return AdminResponse.ok(body);
    }

    AdminResponse init(AdminRequest request) {
        ObjectNode body = AdminResponse.object();
        // Trent has no boot or start stages of its own: by the time it answers, both are over.
        body.putObject("completed").put("BOOT", true).put("START", true).put("READY", init.completed())
                .put("SHUTDOWN", false);
        scripts(body.putArray("scripts"), true);
        return AdminResponse.ok(body);
    }

    AdminResponse ready(AdminRequest request) {
        ObjectNode body = AdminResponse.object().put("completed", init.completed());
        scripts(body.putArray("scripts"), false);
        return AdminResponse.ok(body);
    }

    private void scripts(ArrayNode out, boolean withStage) {
        for (InitScriptStatus.Script script : init.scripts()) {
            ObjectNode entry = out.addObject();
            if (withStage) {
                entry.put("stage", "READY");
            }
            entry.put("name", script.name()).put("state", script.state()).put("file", script.file());
        }
    }
}
