package dev.trent.server.policy;

import static dev.trent.server.policy.Fixtures.ANA;
import static dev.trent.server.policy.Fixtures.BOB_ELSEWHERE;
import static dev.trent.server.policy.Fixtures.KEY_ARN;
import static dev.trent.server.policy.Fixtures.ROLE_ARN;
import static dev.trent.server.policy.Fixtures.ROOT;
import static dev.trent.server.policy.Fixtures.SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Principal, Action and Resource matching of one statement. */
class StatementMatchingTest {

    private static Statement statement(String members) {
        return Fixtures.doc(Fixtures.stmt("\"Effect\":\"Allow\"," + members)).statements().get(0);
    }

    private static PrincipalMatch principal(String principalJson, PolicyPrincipal caller) {
        return statement("\"Principal\":" + principalJson).principalMatch(caller);
    }

    @Test
    void accountForms_nameEveryoneOfTheAccount_asAccount() {
        assertEquals(PrincipalMatch.ACCOUNT, principal(Fixtures.aws("111122223333"), ANA));
        assertEquals(PrincipalMatch.ACCOUNT, principal(Fixtures.aws("arn:aws:iam::111122223333:root"), SESSION));
        assertEquals(PrincipalMatch.NONE, principal(Fixtures.aws("111122223333"), BOB_ELSEWHERE));
    }

    @Test
    void rootArn_namesTheRootUserItself() {
        assertEquals(PrincipalMatch.DIRECT, principal(Fixtures.aws("arn:aws:iam::111122223333:root"), ROOT));
    }

    @Test
    void userArn_namesThatUserOnly() {
        assertEquals(PrincipalMatch.DIRECT, principal(Fixtures.aws(Fixtures.USER_ARN), ANA));
        assertEquals(PrincipalMatch.NONE, principal(Fixtures.aws("arn:aws:iam::111122223333:user/Ann"), ANA));
        assertEquals(PrincipalMatch.NONE, principal(Fixtures.aws(Fixtures.USER_ARN), SESSION));
    }

    @Test
    void roleArn_namesItsSessions_asRole() {
        assertEquals(PrincipalMatch.ROLE, principal(Fixtures.aws(ROLE_ARN), SESSION));
        assertEquals(PrincipalMatch.NONE, principal(Fixtures.aws("arn:aws:iam::111122223333:role/Other"), SESSION));
    }

    @Test
    void sessionArn_namesThatSessionOnly() {
        assertEquals(PrincipalMatch.DIRECT,
                principal(Fixtures.aws("arn:aws:sts::111122223333:assumed-role/Signer/build-42"), SESSION));
        assertEquals(PrincipalMatch.NONE,
                principal(Fixtures.aws("arn:aws:sts::111122223333:assumed-role/Signer/build-43"), SESSION));
    }

    @Test
    void everyone_andTheStrongestOfSeveralNames() {
        assertEquals(PrincipalMatch.DIRECT, principal("\"*\"", BOB_ELSEWHERE));
        assertEquals(PrincipalMatch.DIRECT, principal(Fixtures.aws("*"), ANA));
        assertEquals(PrincipalMatch.ROLE, principal("{\"AWS\":[\"111122223333\",\"" + ROLE_ARN + "\"]}", SESSION));
        assertEquals(PrincipalMatch.NONE, principal("{\"Service\":\"logs.amazonaws.com\"}", ANA));
    }

    @Test
    void notPrincipal_sparesOnlyWhenCallerAccountAndRoleAreAllListed() {
        String sessionArn = "arn:aws:sts::111122223333:assumed-role/Signer/build-42";
        assertEquals(PrincipalMatch.NONE, statement("\"NotPrincipal\":{\"AWS\":[\"" + sessionArn + "\",\"" + ROLE_ARN
                + "\",\"111122223333\"]}").principalMatch(SESSION));
        assertEquals(PrincipalMatch.DIRECT, statement("\"NotPrincipal\":{\"AWS\":[\"" + sessionArn + "\"]}")
                .principalMatch(SESSION));
        assertEquals(PrincipalMatch.DIRECT, statement("\"NotPrincipal\":{\"AWS\":\"" + Fixtures.USER_ARN + "\"}")
                .principalMatch(BOB_ELSEWHERE));
        assertEquals(PrincipalMatch.NONE, statement("\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"}")
                .principalMatch(ROOT));
    }

    @Test
    void action_wildcardsAndCase() {
        Statement s = statement("\"Action\":[\"kms:Generate*\",\"KMS:DESCRIBEKEY\"]");
        assertTrue(s.coversAction("kms:GenerateDataKey"));
        assertTrue(s.coversAction("kms:DescribeKey"));
        assertFalse(s.coversAction("kms:Decrypt"));
    }

    @Test
    void notAction_coversEverythingElse_absentAction_coversNothing() {
        Statement s = statement("\"NotAction\":\"kms:Decrypt\"");
        assertTrue(s.coversAction("kms:Encrypt"));
        assertFalse(s.coversAction("kms:Decrypt"));
        assertFalse(statement("\"Resource\":\"*\"").coversAction("kms:Encrypt"));
    }

    @Test
    void resource_andNotResource() {
        Statement s = statement("\"Resource\":\"arn:aws:kms:*:111122223333:key/*\"");
        assertTrue(s.coversResource(KEY_ARN, ContextKeys.EMPTY, true));
        assertFalse(s.coversResource("arn:aws:kms:us-west-2:111122223333:alias/x", ContextKeys.EMPTY, true));
        Statement not = statement("\"NotResource\":\"" + KEY_ARN + "\"");
        assertFalse(not.coversResource(KEY_ARN, ContextKeys.EMPTY, true));
        assertTrue(not.coversResource(KEY_ARN.replace("1234abcd", "5678abcd"), ContextKeys.EMPTY, true));
        assertFalse(statement("\"Action\":\"*\"").coversResource(KEY_ARN, ContextKeys.EMPTY, true));
    }

    @Test
    void resource_withPolicyVariable() {
        Statement s = statement("\"Resource\":\"arn:aws:kms:*:111122223333:alias/${aws:username}-*\"");
        ContextKeys ana = ContextKeys.builder().put("aws:username", "Ana").build();
        assertTrue(s.coversResource("arn:aws:kms:us-west-2:111122223333:alias/Ana-app", ana, true));
        assertFalse(s.coversResource("arn:aws:kms:us-west-2:111122223333:alias/Bob-app", ana, true));
        assertFalse(s.coversResource("arn:aws:kms:us-west-2:111122223333:alias/Ana-app", ContextKeys.EMPTY, true));
        assertFalse(s.coversResource("arn:aws:kms:us-west-2:111122223333:alias/Ana-app", ana, false));
    }
}
