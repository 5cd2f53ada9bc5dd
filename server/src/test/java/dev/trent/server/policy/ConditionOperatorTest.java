package dev.trent.server.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConditionOperatorTest {

    @Test
    void plainOperator() {
        ConditionOperator op = ConditionOperator.parse("StringLike");
        assertEquals(BaseOperator.StringLike, op.base());
        assertEquals(SetQualifier.NONE, op.qualifier());
        assertFalse(op.ifExists());
    }

    @Test
    void qualifierAndIfExists_together() {
        ConditionOperator op = ConditionOperator.parse("ForAllValues:StringNotEqualsIfExists");
        assertEquals(BaseOperator.StringNotEquals, op.base());
        assertEquals(SetQualifier.FOR_ALL_VALUES, op.qualifier());
        assertTrue(op.ifExists());
        assertEquals(SetQualifier.FOR_ANY_VALUE, ConditionOperator.parse("ForAnyValue:ArnLike").qualifier());
    }

    @Test
    void everyBaseOperator_takesIfExists_exceptNull() {
        for (BaseOperator base : BaseOperator.values()) {
            if (base == BaseOperator.Null) {
                assertThrows(PolicyParseException.class, () -> ConditionOperator.parse("NullIfExists"));
            } else {
                assertEquals(base, ConditionOperator.parse(base.name() + "IfExists").base());
            }
        }
    }

    @Test
    void unknownNames_areParseErrors() {
        PolicyParseException e = assertThrows(PolicyParseException.class, () -> ConditionOperator.parse("StringIs"));
        assertEquals("The policy has an unknown condition operator: StringIs.", e.getMessage());
        assertThrows(PolicyParseException.class, () -> ConditionOperator.parse("ForSomeValues:StringEquals"));
        assertThrows(PolicyParseException.class, () -> ConditionOperator.parse("ForAnyValue:"));
    }
}
