package dev.trent.conformance;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.auth.AuthMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * A server in {@code --auth enforce} with three accounts. The inherited client signs as the root user of
 * {@link #OWNER}, which makes the keys (with whatever policy a test needs, past the lockout safety check) and,
 * through {@link #callers} (and {@link #partnerCallers} in another account), the IAM users and role sessions that
 * then sign requests of their own.
 */
abstract class EnforcedPolicyTestBase extends TrentTestBase {

    static final String OWNER = "111122223333";
    static final String PARTNER = "444455556666";
    static final String OUTSIDER = "777788889999";
    static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("least privilege");

    private static final AwsBasicCredentials PARTNER_ROOT =
            AwsBasicCredentials.create("AKIAPARTNERROOT00001", "partnerRootSecretForPolicyTests00000001");
    private static final AwsBasicCredentials OUTSIDER_ROOT =
            AwsBasicCredentials.create("AKIAOUTSIDERROOT0001", "outsiderRootSecretForPolicyTests0000001");

    protected PolicyCallers callers;
    /** IAM users and roles of {@link #PARTNER}, made by that account's root. */
    protected PolicyCallers partnerCallers;
    protected PolicyCallers.Caller partner;
    protected PolicyCallers.Caller outsider;

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.authMode(AuthMode.ENFORCE)
                .rootCredentials(OWNER, KmsClients.ACCESS_KEY, KmsClients.SECRET_KEY.toCharArray())
                .rootCredentials(PARTNER, PARTNER_ROOT.accessKeyId(), PARTNER_ROOT.secretAccessKey().toCharArray())
                .rootCredentials(OUTSIDER, OUTSIDER_ROOT.accessKeyId(),
                        OUTSIDER_ROOT.secretAccessKey().toCharArray());
    }

    @BeforeAll
    void makeCallers() {
        callers = new PolicyCallers(server.endpoint(), OWNER,
                AwsBasicCredentials.create(KmsClients.ACCESS_KEY, KmsClients.SECRET_KEY));
        partnerCallers = new PolicyCallers(server.endpoint(), PARTNER, PARTNER_ROOT);
        partner = callers.root(PARTNER, PARTNER_ROOT);
        outsider = callers.root(OUTSIDER, OUTSIDER_ROOT);
    }

    @AfterAll
    void closeCallers() {
        if (callers != null) {
            callers.close();
        }
        if (partnerCallers != null) {
            partnerCallers.close();
        }
    }

    static String ownerRoot() {
        return "arn:aws:iam::" + OWNER + ":root";
    }

    /** A new symmetric key of the owner with {@code policy}; its ARN. */
    protected String keyWithPolicy(String policy) {
        return kms.createKey(b -> b.policy(policy).bypassPolicyLockoutSafetyCheck(true)).keyMetadata().arn();
    }

    protected KeyMetadata keyWithPolicy(KeySpec spec, KeyUsageType usage, String policy) {
        return kms.createKey(b -> b.keySpec(spec).keyUsage(usage).policy(policy).bypassPolicyLockoutSafetyCheck(true))
                .keyMetadata();
    }

    /** A new symmetric key with the default key policy, which lets the account's identity policies decide. */
    protected String keyOfTheAccount() {
        return kms.createKey(b -> { }).keyMetadata().arn();
    }
}
