package dev.trent.server.keystore;

/** Opens sessions on the tokens behind clusters; one implementation per kind of token access. */
public interface TokenConnector {

    /**
     * Logs in to the cluster's token as its user with {@code pin}; the caller closes the session to log out.
     *
     * @throws TokenException with the connection error code the failure corresponds to
     */
    TokenSession login(Cluster cluster, char[] pin) throws TokenException;
}
