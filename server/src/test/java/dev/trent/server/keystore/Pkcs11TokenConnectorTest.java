package dev.trent.server.keystore;

import dev.trent.pkcs11.FreshSoftHsmToken;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PKCS#11 connector against a SoftHSM2 token of each test's own; skipped, saying why, without SoftHSM2. */
class Pkcs11TokenConnectorTest extends TokenConnectorContract {

    private final Pkcs11TokenConnector connector = new Pkcs11TokenConnector();
    @RegisterExtension
    final FreshSoftHsmToken token = new FreshSoftHsmToken();

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
