package dev.trent.server.policy;

/**
 * A policy document the evaluator cannot read. Each API maps it to its own error: KMS to
 * MalformedPolicyDocumentException, IAM to MalformedPolicyDocument.
 */
public final class PolicyParseException extends RuntimeException {

    public PolicyParseException(String message) {
        super(message, null, false, false);
    }
}
