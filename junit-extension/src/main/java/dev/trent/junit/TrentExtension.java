package dev.trent.junit;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts Trent in memory on a free port inside the test JVM and hands tests what they need to reach it: a
 * {@link RunningTrent} parameter, and, when the AWS SDK for Java v2 is on the test classpath, a ready
 * {@code KmsClient} parameter (endpoint, Region and dummy credentials set; closed after its scope).
 *
 * <p>With {@code @ExtendWith(TrentExtension.class)} one Trent serves the whole test class (and its nested
 * classes). {@link #perTest()} gives every test a fresh Trent, so no key, alias or grant leaks from one test to
 * the next; starting one in memory takes a few milliseconds once the classes are loaded.
 * {@code perClass().resetBetweenTests()} keeps one Trent for the class and wipes its state before each test
 * instead, for suites that want both one server and a clean slate.
 */
public final class TrentExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(TrentExtension.class);
    private static final String TRENT = "trent";

    private final boolean perTest;
    private final boolean resetBetweenTests;
    private final UnaryOperator<TrentConfig.Builder> settings;

    /** One Trent per test class: what {@code @ExtendWith(TrentExtension.class)} gives. */
    public TrentExtension() {
        this(false, false, UnaryOperator.identity());
    }

    private TrentExtension(boolean perTest, boolean resetBetweenTests, UnaryOperator<TrentConfig.Builder> settings) {
        this.perTest = perTest;
        this.resetBetweenTests = resetBetweenTests;
        this.settings = settings;
    }

    /** One Trent for all tests of the class, for {@code @RegisterExtension static}. */
    public static TrentExtension perClass() {
        return new TrentExtension(false, false, UnaryOperator.identity());
    }

    /** A fresh Trent for every test. */
    public static TrentExtension perTest() {
        return new TrentExtension(true, false, UnaryOperator.identity());
    }

    /**
     * The same extension, wiping all of Trent's state before each test (as {@link RunningTrent#reset()} does), so
     * every test starts on an empty Trent: what {@code @BeforeAll} made is gone by the first test, and what a
     * test's own {@code @BeforeEach} makes stays for it. A per-test Trent is empty anyway.
     */
    public TrentExtension resetBetweenTests() {
        return new TrentExtension(perTest, true, settings);
    }

    /**
     * The same extension with Trent configured further (default Region, account, access-key accounts, a clock);
     * it always runs in memory on a free loopback port.
     */
    public TrentExtension configured(UnaryOperator<TrentConfig.Builder> more) {
        Objects.requireNonNull(more);
        return new TrentExtension(perTest, resetBetweenTests, b -> more.apply(settings.apply(b)));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!perTest && context.getStore(NAMESPACE).get(TRENT) == null) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (perTest) {
            start(context);
        } else if (resetBetweenTests) {
            Started started = context.getStore(NAMESPACE).get(TRENT, Started.class);
            if (started != null) {
                started.trent().reset();
            }
        }
    }

    /** Starts a Trent whose scope is {@code context}: JUnit closes it when that scope ends. */
    private void start(ExtensionContext context) throws Exception {
        TrentConfig config = settings.apply(TrentConfig.builder()).inMemory().port(0).build();
        TrentServer server = TrentServer.start(config);
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(TRENT, new Started(new RunningTrent(server, config.defaultRegion(), config.accountId())));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningTrent.class || SdkClients.isKmsClient(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Started started = context.getStore(NAMESPACE).get(TRENT, Started.class);
        if (started == null) {
            throw new ParameterResolutionException("no Trent is running for " + context.getDisplayName()
                    + "; a per-test Trent cannot be injected into @BeforeAll methods");
        }
        if (parameter.getParameter().getType() == RunningTrent.class) {
            return started.trent();
        }
        AutoCloseable client = SdkClients.kmsClient(started.trent());
        context.getStore(NAMESPACE).put(new Object(), new ClosedWithScope(client));
        return client;
    }

    /*
     * Store values are closed through CloseableResource rather than AutoCloseable: JUnit before 5.13 closes only
     * the former, and later versions still close it.
     */

    /** A started Trent in the store: JUnit closes it when the store's scope ends. */
    private record Started(RunningTrent trent) implements CloseableResource {
        @Override
        public void close() {
            trent.server().close();
        }
    }

    /** Something a test was handed, closed when the scope it was handed for ends. */
    private record ClosedWithScope(AutoCloseable resource) implements CloseableResource {
        @Override
        public void close() throws Exception {
            resource.close();
        }
    }
}
