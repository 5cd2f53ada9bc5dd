package dev.trent.server.policy;

import java.util.List;
import java.util.Map;

/**
 * A Principal or NotPrincipal element: {@code "*"} or a map from principal type ({@code AWS}, {@code Service},
 * ...) to names. Only {@code AWS} names can match Trent's callers; a service principal never does, since no
 * request comes from a service.
 */
public record PrincipalSet(boolean everyone, Map<String, List<String>> byType) {

    private static final String ACCOUNT_ROOT_PREFIX = "arn:aws:iam::";
    private static final String ROOT_SUFFIX = ":root";

    public PrincipalSet {
        byType = Map.copyOf(byType);
    }

    public List<String> aws() {
        return byType.getOrDefault("AWS", List.of());
    }

    /** How these principals name {@code caller}. */
    public PrincipalMatch match(PolicyPrincipal caller) {
        if (everyone) {
            return PrincipalMatch.DIRECT;
        }
        PrincipalMatch best = PrincipalMatch.NONE;
        for (String name : aws()) {
            best = best.strongest(matchOne(name, caller));
        }
        return best;
    }

    /**
     * Whether NotPrincipal spares {@code caller}: AWS weighs the caller's own ARN, its account and, for a
     * session, its role as separate principals ("AWS JSON policy elements: NotPrincipal"), so every one of them
     * must be listed; {@code *} spares everyone.
     */
    public boolean excludes(PolicyPrincipal caller) {
        if (everyone || aws().contains("*")) {
            return true;
        }
        boolean self = false;
        boolean account = false;
        boolean role = caller.roleArn() == null;
        for (String name : aws()) {
            self |= name.equals(caller.arn());
            account |= caller.account().equals(accountOf(name));
            role |= name.equals(caller.roleArn());
        }
        return self && account && role;
    }

    private static PrincipalMatch matchOne(String name, PolicyPrincipal caller) {
        if (name.equals("*") || name.equals(caller.arn())) {
            return PrincipalMatch.DIRECT;
        }
        if (caller.roleArn() != null && name.equals(caller.roleArn())) {
            return PrincipalMatch.ROLE;
        }
        String account = accountOf(name);
        return account != null && account.equals(caller.account()) ? PrincipalMatch.ACCOUNT : PrincipalMatch.NONE;
    }

    /** The account a bare account id or an account root ARN names; null for anything else. */
    static String accountOf(String name) {
        if (name.length() == 12 && name.chars().allMatch(Character::isDigit)) {
            return name;
        }
        if (name.startsWith(ACCOUNT_ROOT_PREFIX) && name.endsWith(ROOT_SUFFIX)) {
            String account = name.substring(ACCOUNT_ROOT_PREFIX.length(), name.length() - ROOT_SUFFIX.length());
            return accountOf(account);
        }
        return null;
    }
}
