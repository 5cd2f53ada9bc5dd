package dev.trent.server.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyVariablesTest {

    private final ContextKeys context = ContextKeys.builder().put("aws:username", "Ana")
            .put("aws:PrincipalTag/team", "blue").build();

    @Test
    void substitutesSingleValuedKeys_ignoringNameCase() {
        assertEquals("alias/Ana-*", PolicyVariables.resolve("alias/${aws:username}-*", context));
        assertEquals("blue/Ana", PolicyVariables.resolve("${aws:principaltag/TEAM}/${AWS:UserName}", context));
    }

    @Test
    void missingKey_makesTheValueUnusable_unlessDefaulted() {
        assertNull(PolicyVariables.resolve("team-${aws:PrincipalTag/dept}", context));
        assertEquals("team-none", PolicyVariables.resolve("team-${aws:PrincipalTag/dept, 'none'}", context));
    }

    @Test
    void specialCharacters_andPlainText() {
        assertEquals("a*b?c$", PolicyVariables.resolve("a${*}b${?}c${$}", context));
        assertEquals("no variables", PolicyVariables.resolve("no variables", context));
        assertEquals("broken ${aws:username", PolicyVariables.resolve("broken ${aws:username", context));
    }

    @Test
    void keysIn_listsTheReferencedKeys() {
        assertEquals(Set.of("aws:username", "aws:principaltag/team"),
                PolicyVariables.keysIn("${aws:username}/${aws:PrincipalTag/team, 'x'}"));
    }
}
