package dev.trent.server.admin;

import java.util.List;

/**
 * What became of the scripts Trent runs once it is ready (LocalStack's {@code ready.d} convention), for the
 * LocalStack-compatible {@code /_localstack/init} endpoints.
 */
public interface InitScriptStatus {

    /** A script and its state: {@code UNKNOWN} (not run yet), {@code RUNNING}, {@code SUCCESSFUL} or {@code ERROR}. */
    record Script(String name, String file, String state) {
    }

    /** No scripts at all: the ready stage is complete at once. */
    InitScriptStatus NONE = new InitScriptStatus() {
        @Override
        public boolean completed() {
            return true;
        }

        @Override
        public List<Script> scripts() {
            return List.of();
        }
    };

    /** Whether every script has run (successfully or not). */
    boolean completed();

    /** Every script, in the order they run. */
    List<Script> scripts();
}
