package dev.trent.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DescriptorBudgetTest {

    @Test
    void lowLimit_keepsTheReserveFree() {
        assertEquals(256 - 40 - 64, DescriptorBudget.forDescriptors(256, 40));
    }

    @Test
    void highLimit_isCappedAtTheCeiling() {
        assertEquals(DescriptorBudget.CEILING, DescriptorBudget.forDescriptors(1_048_576, 50));
    }

    @Test
    void tinyLimit_keepsHalfOfWhatIsFree() {
        assertEquals(5, DescriptorBudget.forDescriptors(100, 90));
    }

    @Test
    void noDescriptorFree_stillAllowsOneConnection() {
        assertEquals(1, DescriptorBudget.forDescriptors(10, 20));
    }

    @Test
    void thisProcess_getsALimitBelowItsDescriptorLimit() {
        int limit = DescriptorBudget.defaultMaxConnections();
        assertTrue(limit >= 1 && limit <= DescriptorBudget.CEILING, "limit " + limit);
    }
}
