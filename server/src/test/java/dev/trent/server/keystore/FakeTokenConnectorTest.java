package dev.trent.server.keystore;

import java.nio.file.Path;

/** The in-memory token honours the same contract as a real one. */
class FakeTokenConnectorTest extends TokenConnectorContract {

    private final FakeTokenConnector connector = new FakeTokenConnector().withToken("trent-test", "1234567");

    @Override
    Cluster cluster() {
        return new Cluster("cluster-234567abcdefg", FakeTokenConnector.LIBRARY, "trent-test");
    }

    @Override
    char[] pin() {
        return "1234567".toCharArray();
    }

    @Override
    TokenConnector connector() {
        return connector;
    }

    @Override
    Path missingLibrary() {
        return FakeTokenConnector.MISSING_LIBRARY;
    }
}
