package dev.trent.server.iam;

import static dev.trent.server.iam.IamFixture.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.query.QueryException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IAM's state survives a reload from its sealed records, a refused change leaves nothing, a wipe removes all. */
class IamStoreTest {

    private final IamFixture iam = new IamFixture();

    @Test
    void reloadedStore_holdsUsersKeysRolesAndPolicies() {
        iam.user("ana");
        String key = iam.iam("CreateAccessKey", "UserName", "ana").at("//AccessKeyId");
        iam.iam("CreateRole", "RoleName", "signer", "AssumeRolePolicyDocument",
                IamFixture.trustPolicy("arn:aws:iam::" + ACCOUNT + ":user/ana")).assertOk();
        iam.iam("CreatePolicy", "PolicyName", "p", "PolicyDocument", IamFixture.allow("kms:*", "*")).assertOk();
        iam.iam("AttachRolePolicy", "RoleName", "signer", "PolicyArn", "arn:aws:iam::" + ACCOUNT + ":policy/p")
                .assertOk();

        IamStore reloaded = IamStore.load(iam.records);

        assertEquals(iam.store.account(ACCOUNT), reloaded.account(ACCOUNT));
        assertEquals("ana", reloaded.accessKey(key).orElseThrow().getValue().userName());
        assertEquals(List.of("iam/account/" + ACCOUNT), reloaded.storedPaths());
    }

    @Test
    void refusedChange_leavesStateAndRecordsAsTheyWere() {
        iam.user("ana");
        IamAccount before = iam.store.account(ACCOUNT);

        assertThrows(QueryException.class, () -> iam.store.update(ACCOUNT, account -> {
            throw QueryException.noSuchEntity("no");
        }));

        assertEquals(before, iam.store.account(ACCOUNT));
        assertEquals(before, IamStore.load(iam.records).account(ACCOUNT));
    }

    @Test
    void sessionEpoch_survivesAReload_andIsNewAfterAWipe() {
        String epoch = iam.store.sessionEpoch();

        assertEquals(epoch, IamStore.load(iam.records).sessionEpoch());
        iam.store.wipe();
        assertTrue(!epoch.equals(iam.store.sessionEpoch()));
    }

    @Test
    void sessionIssuedBeforeAWipe_doesNotOpenAfterIt() {
        IamFixture.Reply issued = iam.sts(IamFixture.ROOT, "GetSessionToken");
        String token = issued.at("//Credentials/SessionToken");
        assertTrue(iam.tokens.open(token).isPresent());

        iam.store.wipe();

        assertTrue(iam.tokens.open(token).isEmpty());
    }

    @Test
    void wipe_removesRecordsAndMemory() {
        iam.user("ana");

        assertEquals(1, iam.store.wipe());

        assertTrue(iam.store.account(ACCOUNT).isEmpty());
        assertTrue(IamStore.load(iam.records).accounts().isEmpty());
    }
}
