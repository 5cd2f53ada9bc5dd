package dev.trent.server.iam;

import java.time.Instant;

/**
 * A user's long-term access key. The secret is kept so signatures can be checked; it is written only inside
 * sealed records and shown to a client once, in CreateAccessKey's answer.
 */
public record AccessKey(String id, String userName, String secret, boolean active, Instant created) {

    @Override
    public String toString() {
        return "AccessKey[" + id + " of " + userName + "]";
    }
}
