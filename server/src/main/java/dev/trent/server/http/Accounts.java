package dev.trent.server.http;

import java.util.Map;

/**
 * Which account a request acts in, from the access key of its SigV4 credential scope: an access key that is a
 * 12-digit number is that account (the convention LocalStack users rely on), a configured access key maps to
 * its account, and anything else, or an unsigned request, uses the default account.
 */
public final class Accounts {

    private final String defaultAccount;
    private final Map<String, String> byAccessKey;

    public Accounts(String defaultAccount, Map<String, String> byAccessKey) {
        this.defaultAccount = defaultAccount;
        this.byAccessKey = Map.copyOf(byAccessKey);
    }

    public String forAccessKey(String accessKeyId) {
        if (accessKeyId == null) {
            return defaultAccount;
        }
        if (accessKeyId.matches("\\d{12}")) {
            return accessKeyId;
        }
        return byAccessKey.getOrDefault(accessKeyId, defaultAccount);
    }
}
