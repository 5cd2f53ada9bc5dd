package dev.trent.server.service;

import dev.trent.server.crypto.Random;
import dev.trent.server.key.Alias;
import dev.trent.server.key.AliasName;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeyManager;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MaterialVersion;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Rotation;
import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.repository.KeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS managed keys, created the way AWS creates them: in an account and Region the first time their
 * {@code alias/aws/<name>} alias is used (DescribeKey: "If you call the DescribeKey operation on a predefined AWS
 * alias, that is, an AWS alias with no key ID, KMS creates an AWS managed key"). Trent does so for every
 * operation that accepts an alias as KeyId. Each is a symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT,
 * origin AWS_KMS) with key manager AWS, automatic rotation every 365 days, a description and a key policy naming
 * the service, and the alias pointing at it; key, material, policy and alias are written in one commit.
 *
 * <p>{@code <name>} is one or more segments of lowercase letters, digits, {@code -} and {@code _}, each starting
 * with a letter or digit and separated by single {@code /} ({@code alias/aws/s3}, {@code alias/aws/ebs},
 * {@code alias/aws/secretsmanager}); the whole alias is at most 256 characters, as every alias. The first segment
 * names the service. Other names under {@code alias/aws/} stay unknown aliases.
 */
public final class AwsManagedKeys {

    /**
     * AWS EnableKeyRotation: "AWS KMS always rotates the key material of AWS managed keys every year"; "New AWS
     * managed keys are automatically rotated one year after they are created".
     */
    public static final int ROTATION_PERIOD_DAYS = 365;

    private static final int MAX_ALIAS_LENGTH = 256;
    private static final Pattern NAME = Pattern.compile(
            Pattern.quote(AliasName.RESERVED_PREFIX) + "[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*");
    /**
     * Services whose AWS managed key is used through another service's endpoint: EBS volumes are encrypted by
     * EC2, so the key policy of aws/ebs names {@code ec2.<region>.amazonaws.com} as kms:ViaService.
     */
    private static final Map<String, String> VIA_SERVICE = Map.of("ebs", "ec2");

    private final KeyRepository repository;
    private final Clock clock;

    public AwsManagedKeys(KeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Whether {@code name} is an alias Trent creates an AWS managed key for on first use. */
    public static boolean accepts(AliasName name) {
        return name.value().length() <= MAX_ALIAS_LENGTH && NAME.matcher(name.value()).matches();
    }

    /**
     * The AWS managed key {@code name} points at in {@code scope}, created with its alias if it does not exist
     * yet; empty when {@code name} is not an AWS managed alias. Concurrent first uses create one key: the check
     * and the creation run under the repository lock that every metadata change holds.
     */
    public Optional<StoredKey> firstUse(Scope scope, AliasName name) {
        if (!accepts(name)) {
            return Optional.empty();
        }
        synchronized (repository) {
            Optional<Alias> existing = repository.aliases().find(scope, name);
            if (existing.isPresent()) {
                return repository.find(scope, existing.get().target());
            }
            return Optional.of(create(scope, name));
        }
    }

    private StoredKey create(Scope scope, AliasName name) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String service = service(name);
        MaterialVersion version = new MaterialVersion(1, HexFormat.of().formatHex(Random.bytes(32)), now);
        KeyMaterial material = KeyMaterial.generate(KeySpec.SYMMETRIC_DEFAULT, version);
        Rotation yearly = Rotation.NONE.enabled(ROTATION_PERIOD_DAYS, now.plus(Duration.ofDays(ROTATION_PERIOD_DAYS)));
        KmsKey key = new KmsKey(scope, KeyId.random(), description(service, name), KeySpec.SYMMETRIC_DEFAULT,
                KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS, KeyState.Enabled, now, null, null, List.of(version),
                Map.of(), null, yearly, null, KeyManager.AWS);
        repository.create(key, material, policy(scope, service), new Alias(scope, name, key.id(), now, now));
        return repository.find(scope, key.id()).orElseThrow();
    }

    /** The service an AWS managed alias belongs to: the first segment after {@code alias/aws/}. */
    static String service(AliasName name) {
        String rest = name.value().substring(AliasName.RESERVED_PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    static String description(String service, AliasName name) {
        return "AWS managed key for " + service + ", created by Trent on first use of " + name + ".";
    }

    /**
     * The key policy: principals of the account may use the key through the service (kms:ViaService with
     * kms:CallerAccount, as AWS writes it for AWS managed keys), and the account may read its metadata and revoke
     * grants; nothing else, so nobody may manage the key. Laid out as GetKeyPolicy returns AWS's policies.
     */
    static String policy(Scope scope, String service) {
        String via = VIA_SERVICE.getOrDefault(service, service) + "." + scope.region() + ".amazonaws.com";
        return """
                {
                  "Version" : "2012-10-17",
                  "Id" : "aws-managed-%1$s",
                  "Statement" : [ {
                    "Sid" : "Use of the key through %1$s by principals of account %2$s",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "*"
                    },
                    "Action" : [ "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", \
                "kms:CreateGrant", "kms:DescribeKey" ],
                    "Resource" : "*",
                    "Condition" : {
                      "StringEquals" : {
                        "kms:ViaService" : "%3$s",
                        "kms:CallerAccount" : "%2$s"
                      }
                    }
                  }, {
                    "Sid" : "Read access to the key metadata for account %2$s",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "arn:aws:iam::%2$s:root"
                    },
                    "Action" : [ "kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant" ],
                    "Resource" : "*"
                  } ]
                }""".formatted(service, scope.account(), via);
    }
}
