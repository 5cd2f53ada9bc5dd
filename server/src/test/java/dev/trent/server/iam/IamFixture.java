package dev.trent.server.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trent.server.auth.AuthMode;
import dev.trent.server.auth.Principal;
import dev.trent.server.policy.KmsAuthorizer;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.QueryService;
import dev.trent.server.repository.SealedRecords;
import dev.trent.server.sts.SessionTokens;
import dev.trent.server.sts.StsApi;
import dev.trent.server.time.MovableClock;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * IAM and STS over an in-memory sealed store with a movable clock, called as the query handler calls them, with
 * the answer's XML read back by path.
 */
public final class IamFixture {

    public static final String ACCOUNT = "111122223333";
    public static final Instant START = Instant.parse("2026-12-03T17:00:00Z");
    public static final Principal ROOT = Principal.root(ACCOUNT);

    public final SealedRecords records = SealedRecords.inMemory();
    public final MovableClock clock = new MovableClock(Clock.fixed(START, ZoneOffset.UTC));
    public final IamStore store = IamStore.load(records);
    public final SessionTokens tokens = new SessionTokens(new byte[32], store::sessionEpoch);
    public final QueryService iam = IamApi.create(store, clock, new KmsAuthorizer());
    public final QueryService sts;

    public IamFixture(AuthMode mode) {
        sts = StsApi.create(store, tokens, new KmsAuthorizer(), clock, mode);
    }

    public IamFixture() {
        this(AuthMode.VERIFY);
    }

    /** What an action answered. */
    public record Reply(int status, String xml, Document document) {

        /** The text at an XPath over the answer, with namespaces ignored: {@code //User/UserName}. */
        public String at(String path) {
            try {
                return (String) XPathFactory.newInstance().newXPath().evaluate(path, document, XPathConstants.STRING);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        public int count(String path) {
            try {
                return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(path, document,
                        XPathConstants.NODESET)).getLength();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        /** Asserts a refusal's status, code and message. */
        public void assertError(int status, String code, String message) {
            assertEquals(status, this.status, xml);
            assertEquals(code, at("/ErrorResponse/Error/Code"), xml);
            assertEquals(message, at("/ErrorResponse/Error/Message"), xml);
        }

        public void assertOk() {
            assertEquals(200, status, xml);
        }
    }

    public Reply iam(Principal caller, String action, String... pairs) {
        return call(iam, caller, Optional.empty(), action, pairs);
    }

    public Reply iam(String action, String... pairs) {
        return iam(ROOT, action, pairs);
    }

    public Reply sts(Principal caller, String action, String... pairs) {
        return call(sts, caller, Optional.empty(), action, pairs);
    }

    public Reply call(QueryService service, Principal caller, Optional<String> token, String action,
                      String... pairs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Action", action);
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        QueryService.Answer answer = service.handle(QueryRequest.of(parameters),
                new QueryCaller(caller, "us-east-1", "AKIAEXAMPLE", token), "req-1");
        String xml = new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body()));
            return new Reply(answer.status(), xml, document);
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    /** A user with the principal it signs as. */
    public Principal user(String name) {
        Reply created = iam("CreateUser", "UserName", name);
        created.assertOk();
        return new Principal(Principal.Kind.USER, ACCOUNT, created.at("//User/Arn"), created.at("//User/UserId"));
    }

    public static String trustPolicy(String principalArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principalArn + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    public static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }
}
