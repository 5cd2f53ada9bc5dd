package dev.trent.conformance;

import static dev.trent.conformance.AccessDenied.noResourcePolicy;
import static dev.trent.conformance.PolicyJson.allow;

import dev.trent.conformance.PolicyCallers.Caller;
import dev.trent.server.app.TrentConfig;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The condition operators, one table row each, through the real SDK with {@code --auth enforce}. Every row is
 * one Encrypt request by one user (encryption context {@code stage=Prod-7, tenant=42}, from a loopback address
 * over plain HTTP, at an instant the server's clock is held to) against two keys whose policies differ only in
 * the condition's value: the key whose condition holds lets the request through, the other refuses it with
 * AWS's message. Rows cover String*, StringLike, Arn*, Bool, Null, Numeric*, Date* (ISO 8601 and epoch
 * seconds), IpAddress, the IfExists suffix, absent keys and the ForAnyValue/ForAllValues qualifiers.
 */
class ConditionOperatorsEnforcementTest extends EnforcedPolicyTestBase {

    private static final String STAGE = "kms:EncryptionContext:stage";
    private static final String ABSENT = "kms:EncryptionContext:absent";
    private static final String CONTEXT_KEYS = "kms:EncryptionContextKeys";
    private static final String PRINCIPAL_ARN = "aws:PrincipalArn";
    private static final String EPOCH = "aws:EpochTime";
    private static final String TIME = "aws:CurrentTime";
    private static final Map<String, String> CONTEXT = Map.of("stage", "Prod-7", "tenant", "42");

    private final HeldClock clock = new HeldClock();
    private Caller bob;
    private Caller carol;
    private Instant now;

    /**
     * One operator applied to a key: the policy value that holds for the request and the one that fails it
     * (under {@code failsKey}, which differs from {@code holdsKey} only where absence is the point). Values may
     * name the held instant ({@code <epoch>}, {@code <time>}, each {@code +1} or {@code -1} second) and the
     * callers ({@code <bob>}, {@code <carol>}); {@code ;} separates several values of one condition.
     */
    record Row(String operator, String holdsKey, String holds, String failsKey, String fails) {
        @Override
        public String toString() {
            return operator + " " + holdsKey + " " + holds + " | " + failsKey + " " + fails;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                row("StringEquals", STAGE, "Prod-7", "prod-7"),
                row("StringNotEquals", STAGE, "prod-7", "Prod-7"),
                row("StringEqualsIgnoreCase", STAGE, "PROD-7", "Prod-8"),
                row("StringNotEqualsIgnoreCase", STAGE, "Prod-8", "PROD-7"),
                row("StringLike", STAGE, "Prod-*", "prod-*"),
                row("StringLike", STAGE, "Pro?-?", "Pro?-??"),
                row("StringNotLike", STAGE, "Dev-*", "*-7"),
                new Row("StringNotEquals", ABSENT, "x", STAGE, "Prod-7"),
                new Row("StringEqualsIfExists", ABSENT, "x", STAGE, "prod-7"),
                row("ArnEquals", PRINCIPAL_ARN, "<bob>", "<carol>"),
                row("ArnLike", PRINCIPAL_ARN, "arn:aws:iam::" + OWNER + ":user/*", "arn:aws:iam::*:role/*"),
                row("ArnNotEquals", PRINCIPAL_ARN, "<carol>", "<bob>"),
                row("ArnNotLike", PRINCIPAL_ARN, "arn:aws:iam::*:role/*", "arn:aws:iam::" + OWNER + ":user/bob-*"),
                // An ARN pattern is matched part by part: one * does not span the colons a string pattern spans.
                row("StringLike", PRINCIPAL_ARN, "arn:aws:*:user/bob-*", "arn:aws:*:user/carol-*"),
                row("ArnLike", PRINCIPAL_ARN, "arn:aws:iam::*:user/bob-*", "arn:aws:*:user/bob-*"),
                row("Bool", "aws:SecureTransport", "false", "true"),
                row("Bool", "kms:MultiRegion", "false", "true"),
                row("Null", ABSENT, "true", "false"),
                row("Null", STAGE, "false", "true"),
                row("NumericEquals", EPOCH, "<epoch>", "<epoch+1>"),
                row("NumericNotEquals", EPOCH, "<epoch+1>", "<epoch>"),
                row("NumericLessThan", EPOCH, "<epoch+1>", "<epoch>"),
                row("NumericLessThanEquals", EPOCH, "<epoch>", "<epoch-1>"),
                row("NumericGreaterThan", EPOCH, "<epoch-1>", "<epoch>"),
                row("NumericGreaterThanEquals", EPOCH, "<epoch>", "<epoch+1>"),
                row("DateEquals", TIME, "<time>", "<time+1>"),
                row("DateNotEquals", TIME, "<time+1>", "<time>"),
                row("DateLessThan", TIME, "<time+1>", "<time>"),
                row("DateLessThanEquals", TIME, "<time>", "<time-1>"),
                row("DateGreaterThan", TIME, "<time-1>", "<time>"),
                row("DateGreaterThanEquals", TIME, "<time>", "<time+1>"),
                row("DateEquals", TIME, "<epoch>", "<epoch+1>"),
                new Row("DateLessThanIfExists", "kms:ValidTo", "<time-1>", TIME, "<time-1>"),
                row("IpAddress", "aws:SourceIp", "127.0.0.1/32", "10.0.0.0/8"),
                row("NotIpAddress", "aws:SourceIp", "10.0.0.0/8", "127.0.0.0/8"),
                row("IpAddress", "aws:SourceIp", "2001:db8::/32;127.0.0.0/8", "2001:db8::/32;10.0.0.0/8"),
                row("ForAnyValue:StringEquals", CONTEXT_KEYS, "tenant", "owner"),
                new Row("ForAnyValue:StringEquals", CONTEXT_KEYS, "stage", "aws:TagKeys", "stage"),
                row("ForAllValues:StringLike", CONTEXT_KEYS, "*a*", "st*"),
                new Row("ForAllValues:StringEquals", "aws:TagKeys", "stage", CONTEXT_KEYS, "stage"),
                row("ForAllValues:StringNotLike", CONTEXT_KEYS, "secret*", "ten*"));
    }

    private static Row row(String operator, String key, String holds, String fails) {
        return new Row(operator, key, holds, key, fails);
    }

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return super.configure(builder).clock(clock);
    }

    @BeforeAll
    void makeUsers() {
        holdTheClock();
        bob = callers.user("bob");
        carol = callers.user("carol");
    }

    /** Held close to real time: the SDK signs with the real clock, which must stay within five minutes. */
    @BeforeEach
    void holdTheClock() {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.holdAt(now);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void conditionThatHolds_allows_andTheSameConditionWithAFailingValue_refuses(Row row) {
        String holding = keyWithPolicy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when(row.operator(), row.holdsKey(), values(row.holds())).asPolicy());
        String failing = keyWithPolicy(allow().principal(bob.arn()).action("kms:Encrypt")
                .when(row.operator(), row.failsKey(), values(row.fails())).asPolicy());

        bob.kms().encrypt(b -> b.keyId(holding).plaintext(PLAINTEXT).encryptionContext(CONTEXT));
        noResourcePolicy(bob.arn(), "kms:Encrypt", failing,
                () -> bob.kms().encrypt(b -> b.keyId(failing).plaintext(PLAINTEXT).encryptionContext(CONTEXT)));
    }

    /** The policy values a template stands for; {@code ;} separates alternatives. */
    private String[] values(String templates) {
        return Arrays.stream(templates.split(";")).map(this::value).toArray(String[]::new);
    }

    private String value(String template) {
        return switch (template) {
            case "<bob>" -> bob.arn();
            case "<carol>" -> carol.arn();
            case "<epoch>" -> Long.toString(now.getEpochSecond());
            case "<epoch+1>" -> Long.toString(now.getEpochSecond() + 1);
            case "<epoch-1>" -> Long.toString(now.getEpochSecond() - 1);
            case "<time>" -> now.toString();
            case "<time+1>" -> now.plusSeconds(1).toString();
            case "<time-1>" -> now.minusSeconds(1).toString();
            default -> template;
        };
    }
}
