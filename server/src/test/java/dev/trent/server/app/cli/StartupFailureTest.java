package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trent.server.app.TrentConfig;
import dev.trent.storage.StorageException;
import dev.trent.storage.WrongRootOfTrustException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

class StartupFailureTest {

    private final TrentConfig config = TrentConfig.builder().host("localhost").port(4567).build();

    @Test
    void describe_bindExceptionAnywhereInChain_namesTheAddress() {
        Exception e = new RuntimeException(new IllegalStateException("wrapped", new BindException("Address in use")));

        assertEquals("cannot listen on localhost:4567: Address in use", StartupFailure.describe(e, config));
    }

    @Test
    void describe_wrongRootOfTrust_isTheStorageMessage() {
        Exception e = new IllegalStateException("start failed",
                new WrongRootOfTrustException("key file /k does not open this data dir's keyring"));

        assertEquals("key file /k does not open this data dir's keyring", StartupFailure.describe(e, config));
    }

    @Test
    void describe_storageFailure_isTheStorageMessage() {
        Exception e = new StorageException("cannot create key file /k: java.nio.file.AccessDeniedException: /k",
                new IOException("denied"));

        assertEquals("cannot create key file /k: java.nio.file.AccessDeniedException: /k",
                StartupFailure.describe(e, config));
    }

    @Test
    void describe_unresolvedHost_namesTheHost() {
        assertEquals("cannot listen on localhost:4567: unknown host 'localhost'",
                StartupFailure.describe(new UnresolvedAddressException(), config));
    }

    @Test
    void messageOf_skipsMessagesCopiedFromCause() {
        Exception e = new RuntimeException(new UncheckedIOException(new IOException("disk full")));

        assertEquals("disk full", StartupFailure.messageOf(e));
    }

    @Test
    void messageOf_prefersOuterWrittenMessage() {
        Exception e = new IllegalStateException("cannot open keyring", new IOException("disk full"));

        assertEquals("cannot open keyring", StartupFailure.messageOf(e));
    }

    @Test
    void messageOf_noMessageAnywhere_givesInnermostClassName() {
        assertEquals("NullPointerException", StartupFailure.messageOf(new RuntimeException(new NullPointerException())));
    }

    @Test
    void oneLine_joinsLines() {
        assertEquals("a b c", StartupFailure.oneLine(" a\n  b\r\nc \n"));
    }
}
