package dev.trent.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsTest {

    private final Accounts accounts = new Accounts("000000000000", Map.of("AKIDTEAM", "222233334444"));

    @Test
    void twelveDigitAccessKey_isThatAccount() {
        assertEquals("111122223333", accounts.forAccessKey("111122223333"));
    }

    @Test
    void mappedAccessKey_isItsAccount_andOthersTheDefault() {
        assertEquals("222233334444", accounts.forAccessKey("AKIDTEAM"));
        assertEquals("000000000000", accounts.forAccessKey("AKIAIOSFODNN7EXAMPLE"));
        assertEquals("000000000000", accounts.forAccessKey("11112222333"));
        assertEquals("000000000000", accounts.forAccessKey(null));
    }
}
