package dev.trent.server.query;

import java.util.regex.Pattern;

/** The member patterns of the IAM and STS models, verbatim, so validation messages quote them as AWS does. */
public final class Patterns {

    /** User, role, policy and session names. */
    public static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    /** A RoleSessionName (which the model allows to be empty; its length bound is 2). */
    public static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    /** A user's or role's path. */
    public static final Pattern PATH = Pattern.compile("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    /** A managed policy's path. */
    public static final Pattern POLICY_PATH = Pattern.compile("((/[A-Za-z0-9\\.,\\+@=_-]+)*)/");
    /** A policy document's characters. */
    public static final Pattern POLICY_DOCUMENT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    /** An access key id. */
    public static final Pattern ACCESS_KEY_ID = Pattern.compile("[\\w]+");
    /** A managed policy version: v1, v2, ... */
    public static final Pattern POLICY_VERSION = Pattern.compile("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
    static final Pattern TAG = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private Patterns() {
    }
}
