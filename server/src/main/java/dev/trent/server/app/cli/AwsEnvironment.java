package dev.trent.server.app.cli;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.auth.SecretAccessKey;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings AWS's own tools read from the environment, read the same way by the commands that talk to a
 * running Trent: a user who has pointed the AWS CLI at Trent has pointed {@code trent key} and
 * {@code trent clock} at it too, and a key made in their Region is found there.
 */
final class AwsEnvironment {

    /** Where the commands look when neither {@code --endpoint} nor an endpoint variable says otherwise. */
    static final String DEFAULT_ENDPOINT = "http://localhost:" + TrentConfig.DEFAULT_PORT;

    private final Function<String, String> environment;

    AwsEnvironment(Function<String, String> environment) {
        this.environment = environment;
    }

    /** {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, as the SDKs and the AWS CLI look them up. */
    Optional<String> region() {
        return first("AWS_REGION", "AWS_DEFAULT_REGION");
    }

    /**
     * The service-specific {@code AWS_ENDPOINT_URL_KMS}, else the global {@code AWS_ENDPOINT_URL}, else Trent's
     * default port on this machine.
     */
    String endpoint() {
        return first("AWS_ENDPOINT_URL_KMS", "AWS_ENDPOINT_URL").orElse(DEFAULT_ENDPOINT);
    }

    /**
     * What the admin API's requests are signed with: {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and
     * {@code AWS_SESSION_TOKEN}, as AWS's tools read them, for the Region above (us-east-1 when none is set);
     * empty when no access key is set, and then requests go unsigned, as {@code --auth off} takes them.
     */
    Optional<AdminSigner> signer() {
        Optional<String> accessKey = first("AWS_ACCESS_KEY_ID");
        Optional<String> secret = first("AWS_SECRET_ACCESS_KEY");
        if (accessKey.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AdminSigner(accessKey.get(), SecretAccessKey.of(secret.get()),
                first("AWS_SESSION_TOKEN"), region().orElse(TrentConfig.DEFAULT_REGION)));
    }

    private Optional<String> first(String... names) {
        for (String name : names) {
            String value = environment.apply(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }
}
