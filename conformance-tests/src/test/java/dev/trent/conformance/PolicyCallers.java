package dev.trent.conformance;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The principals policies name, made the way a user makes them: IAM users with access keys and inline policies
 * through the IAM API, role sessions through STS AssumeRole, each signing its KMS requests with its own
 * credentials. Every user and role gets a fresh name, so tests sharing one server never see each other's.
 */
final class PolicyCallers implements AutoCloseable {

    /** Someone who signs KMS requests, and the ARN that AWS's messages show for them. */
    record Caller(String arn, KmsClient kms) {
    }

    /** A role, and the credentials of the user its trust policy lets assume it. */
    record Role(String name, String arn, AwsCredentials assumer) {
    }

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final URI endpoint;
    private final String account;
    private final IamClient iam;
    private final List<SdkAutoCloseable> clients = new ArrayList<>();

    /** Callers of {@code account}, whose root signs with {@code root}. */
    PolicyCallers(URI endpoint, String account, AwsCredentials root) {
        this.endpoint = endpoint;
        this.account = account;
        this.iam = QueryClients.iam(endpoint, root);
    }

    static String unique(String stem) {
        return stem + "-" + NAMES.incrementAndGet();
    }

    String userArn(String name) {
        return "arn:aws:iam::" + account + ":user/" + name;
    }

    String roleArn(String name) {
        return roleArn("/", name);
    }

    /** {@code path} as IAM takes it: {@code /} or {@code /team/}. */
    String roleArn(String path, String name) {
        return "arn:aws:iam::" + account + ":role" + path + name;
    }

    String sessionArn(Role role, String sessionName) {
        return "arn:aws:sts::" + account + ":assumed-role/" + role.name() + "/" + sessionName;
    }

    /** A new user named after {@code stem}, holding each of {@code policies} as an inline policy. */
    Caller user(String stem, String... policies) {
        String name = unique(stem);
        AccessKey key = newUser(name, policies);
        return new Caller(userArn(name), kms(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())));
    }

    /** Creates a managed policy of {@code document} and attaches it to {@code user}; the policy's ARN. */
    String attachManaged(Caller user, String document) {
        String policyArn = iam.createPolicy(b -> b.policyName(unique("managed")).policyDocument(document))
                .policy().arn();
        iam.attachUserPolicy(b -> b.userName(nameOf(user)).policyArn(policyArn));
        return policyArn;
    }

    void detachManaged(Caller user, String policyArn) {
        iam.detachUserPolicy(b -> b.userName(nameOf(user)).policyArn(policyArn));
    }

    void deleteInline(Caller user, int index) {
        iam.deleteUserPolicy(b -> b.userName(nameOf(user)).policyName("inline-" + index));
    }

    private static String nameOf(Caller user) {
        return user.arn().substring(user.arn().lastIndexOf('/') + 1);
    }

    /** A new role holding {@code policies}, with a new user that may assume it. */
    Role role(String stem, String... policies) {
        return roleAt("/", stem, policies);
    }

    /** A new role under an IAM path ({@code /team/}), which its ARN shows and its sessions' ARNs do not. */
    Role roleAt(String path, String stem, String... policies) {
        String assumerName = unique(stem + "-assumer");
        String name = unique(stem);
        String arn = roleArn(path, name);
        AccessKey key = newUser(assumerName, PolicyJson.allow().action("sts:AssumeRole").resource(arn).asPolicy());
        iam.createRole(b -> b.roleName(name).path(path).assumeRolePolicyDocument(PolicyJson.allow()
                .principal(userArn(assumerName)).action("sts:AssumeRole").withoutResource().asPolicy()));
        for (int i = 0; i < policies.length; i++) {
            String policy = policies[i];
            String policyName = "inline-" + i;
            iam.putRolePolicy(b -> b.roleName(name).policyName(policyName).policyDocument(policy));
        }
        return new Role(name, arn, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    /** A session of {@code role} named {@code sessionName}, signing with its temporary credentials. */
    Caller session(Role role, String sessionName) {
        Credentials credentials;
        try (StsClient sts = QueryClients.sts(endpoint, role.assumer())) {
            credentials = sts.assumeRole(b -> b.roleArn(role.arn()).roleSessionName(sessionName)).credentials();
        }
        return new Caller(sessionArn(role, sessionName), kms(AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken())));
    }

    /** The root user of an account configured with these root credentials. */
    Caller root(String rootAccount, AwsCredentials credentials) {
        return new Caller("arn:aws:iam::" + rootAccount + ":root", kms(credentials));
    }

    private AccessKey newUser(String name, String... policies) {
        iam.createUser(b -> b.userName(name));
        for (int i = 0; i < policies.length; i++) {
            String policy = policies[i];
            String policyName = "inline-" + i;
            iam.putUserPolicy(b -> b.userName(name).policyName(policyName).policyDocument(policy));
        }
        return iam.createAccessKey(b -> b.userName(name)).accessKey();
    }

    private KmsClient kms(AwsCredentials credentials) {
        KmsClient client = QueryClients.kms(endpoint, credentials);
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(SdkAutoCloseable::close);
        iam.close();
    }
}
