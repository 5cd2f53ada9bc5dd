package dev.trent.server.policy;

/**
 * ARN matching as ArnLike and the Resource element do it: the six colon-separated parts ({@code arn},
 * partition, service, Region, account, resource) are matched one by one, case-sensitively, each with {@code *}
 * and {@code ?}; the resource part keeps any further colons. So {@code arn:aws:kms:*:111122223333:key/*} cannot
 * reach across an account boundary the way a plain StringLike would.
 */
public final class ArnPattern {

    private static final int PARTS = 6;

    private ArnPattern() {
    }

    public static boolean matches(String pattern, String arn) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] p = pattern.split(":", PARTS);
        String[] a = arn.split(":", PARTS);
        if (p.length != PARTS || a.length != PARTS) {
            return false;
        }
        for (int i = 0; i < PARTS; i++) {
            if (!Wildcard.matches(p[i], a[i])) {
                return false;
            }
        }
        return true;
    }
}
