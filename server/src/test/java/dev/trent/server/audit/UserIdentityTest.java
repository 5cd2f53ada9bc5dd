package dev.trent.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trent.server.auth.Principal;
import org.junit.jupiter.api.Test;

class UserIdentityTest {

    @Test
    void iamUser_carriesItsUserName() {
        UserIdentity identity = new UserIdentity(new Principal(Principal.Kind.USER, "111122223333",
                "arn:aws:iam::111122223333:user/ops/Alice", "AIDAEXAMPLE"), "AKIAEXAMPLE");
        assertEquals("{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\",\"arn\":\"arn:aws:iam::111122223333:"
                + "user/ops/Alice\",\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIAEXAMPLE\","
                + "\"userName\":\"Alice\"}", identity.toJson().toString());
        assertEquals("Alice", identity.userName());
    }

    @Test
    void assumedRole_namesTheRoleThatIssuedTheSession() {
        UserIdentity identity = new UserIdentity(new Principal(Principal.Kind.ASSUMED_ROLE, "111122223333",
                "arn:aws:sts::111122223333:assumed-role/Signer/build-42", "AROAEXAMPLE:build-42"), "ASIAEXAMPLE");
        assertEquals("{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:build-42\",\"arn\":\"arn:aws:sts::"
                + "111122223333:assumed-role/Signer/build-42\",\"accountId\":\"111122223333\",\"accessKeyId\":"
                + "\"ASIAEXAMPLE\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":"
                + "\"AROAEXAMPLE\",\"arn\":\"arn:aws:iam::111122223333:role/Signer\",\"accountId\":\"111122223333\","
                + "\"userName\":\"Signer\"},\"attributes\":{\"mfaAuthenticated\":\"false\"}}}",
                identity.toJson().toString());
    }

    @Test
    void root_isTypeRoot_withTheAccountAsPrincipalId() {
        UserIdentity identity = new UserIdentity(Principal.root("111122223333"), null);
        assertEquals("{\"type\":\"Root\",\"principalId\":\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:root\","
                + "\"accountId\":\"111122223333\"}", identity.toJson().toString());
        assertEquals("root", identity.userName());
    }
}
