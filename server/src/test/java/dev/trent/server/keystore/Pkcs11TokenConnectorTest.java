package dev.trent.server.keystore;

import dev.trent.pkcs11.SoftHsmToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The PKCS#11 connector against a SoftHSM2 token of each test's own; skipped, saying why, without SoftHSM2. */
class Pkcs11TokenConnectorTest extends TokenConnectorContract {

    private final Pkcs11TokenConnector connector = new Pkcs11TokenConnector();
    private SoftHsmToken token;

    @BeforeEach
    void newToken() {
        token = SoftHsmToken.create();
    }

    @AfterEach
    void deleteToken() {
        if (token != null) {
            token.close();
        }
    }

    @Override
    Cluster cluster() {
        return new Cluster("cluster-234567abcdefg", token.library(), token.label());
    }

    @Override
    char[] pin() {
        return token.pin();
    }

    @Override
    TokenConnector connector() {
        return connector;
    }
}
