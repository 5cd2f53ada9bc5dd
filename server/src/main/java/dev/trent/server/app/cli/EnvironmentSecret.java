package dev.trent.server.app.cli;

import java.util.function.Function;

/** A secret (passphrase, PIN) read from the environment variable an option names: never from the command line. */
final class EnvironmentSecret {

    private EnvironmentSecret() {
    }

    /**
     * The value of {@code variable}, which {@code option} named.
     *
     * @throws CliException when it is unset or empty
     */
    static char[] read(Function<String, String> environment, String variable, String option) {
        String value = environment.apply(variable);
        if (value == null) {
            throw new CliException("environment variable " + variable + " (named by " + option + ") is not set");
        }
        if (value.isEmpty()) {
            throw new CliException("environment variable " + variable + " (named by " + option + ") is empty");
        }
        return value.toCharArray();
    }
}
