package dev.trent.server.app;

import dev.trent.server.admin.AdminRouter;
import dev.trent.server.admin.AdminRoutes;
import dev.trent.server.admin.InitScriptStatus;
import dev.trent.server.admin.StateWipe;
import dev.trent.server.api.Dispatcher;
import dev.trent.server.api.OperationRegistry;
import dev.trent.server.api.RequestGate;
import dev.trent.server.api.Services;
import dev.trent.server.app.cli.Version;
import dev.trent.server.http.AcceptErrors;
import dev.trent.server.http.Accounts;
import dev.trent.server.http.ConnectionLimit;
import dev.trent.server.http.ConnectionSettings;
import dev.trent.server.keystore.Connections;
import dev.trent.server.keystore.KeyStoreService;
import dev.trent.server.keystore.TokenConnectors;
import dev.trent.server.http.AdminHttpHandler;
import dev.trent.server.http.KmsChannelInitializer;
import dev.trent.server.http.KmsHttpHandler;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.repository.SealedRecords;
import dev.trent.server.seed.Seed;
import dev.trent.server.seed.SeedApplier;
import dev.trent.server.seed.SeedFile;
import dev.trent.server.service.CryptoperiodSweeper;
import dev.trent.server.service.DeletionSweeper;
import dev.trent.server.service.MaterialExpirySweeper;
import dev.trent.server.time.Housekeeping;
import dev.trent.server.time.MovableClock;
import dev.trent.server.time.TimeTravel;
import dev.trent.storage.SqlitePhysicalStore;
import dev.trent.storage.Storage;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running Trent: storage opened, keys loaded, Netty listening. {@link #close()} stops accepting, lets
 * in-flight requests finish and closes storage. Wiring is by constructors, in the order a request flows.
 */
public final class TrentServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TrentServer.class.getName());
    /**
     * How often the sweepers look for keys whose waiting period has ended and imported material past its
     * ValidTo, and key usage is saved.
     */
    private static final long SWEEP_INTERVAL_MILLIS = 1000;

    /** The names of the timed housekeeping tasks, which is also how POST /_trent/clock reports what fired. */
    public static final String KEYS_DELETED = "keysDeleted";
    public static final String MATERIAL_EXPIRED = "materialExpired";
    public static final String ROTATIONS = "rotations";
    public static final String CRYPTOPERIODS_ENDED = "cryptoperiodsEnded";

    public static final String DATABASE_FILE = "trent.db";

    private final Storage storage;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService business;
    private final ScheduledExecutorService sweeperThread;
    private final DeletionSweeper sweeper;
    private final MaterialExpirySweeper expirySweeper;
    private final KeyRepository repository;
    private final Channel channel;
    private final String host;
    private final int port;
    private volatile boolean closed;
    /** The custom key stores' token sessions, logged out at close. */
    private Connections connections = new Connections();
    /** Wipes all state, for the reset endpoints and tests that share one server. */
    private StateReset reset;
    /** What the root of trust holds open (a PKCS#11 login), released after storage closes. */
    private RootOfTrustSource rootOfTrust;

    private TrentServer(Storage storage, EventLoopGroup boss, EventLoopGroup workers, ExecutorService business,
                        ScheduledExecutorService sweeperThread, DeletionSweeper sweeper,
                        MaterialExpirySweeper expirySweeper, KeyRepository repository, Channel channel, String host) {
        this.storage = storage;
        this.boss = boss;
        this.workers = workers;
        this.business = business;
        this.sweeperThread = sweeperThread;
        this.sweeper = sweeper;
        this.expirySweeper = expirySweeper;
        this.repository = repository;
        this.channel = channel;
        this.host = host;
        this.port = ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Opens storage, loads keys and binds; returns once requests are accepted. */
    public static TrentServer start(TrentConfig config) throws Exception {
        // A seed file is read and checked before anything is opened, so a mistake in it changes nothing.
        Seed seed = config.seedFile().map(SeedFile::read).orElse(null);
        RootOfTrustSource rootOfTrust = RootOfTrustSource.of(config);
        Storage storage = openStorage(config, rootOfTrust);
        Connections keyStoreConnections = null;
        EventLoopGroup boss = null;
        EventLoopGroup workers = null;
        ExecutorService business = null;
        ScheduledExecutorService sweeperThread = null;
        try {
            // Every part of the server reads this one clock, so moving it moves every timestamp and deadline.
            MovableClock clock = new MovableClock(config.clock());
            // Keys in custom key stores reach their tokens through the live connections.
            Connections connections = new Connections();
            KeyRepository repository = KeyRepository.load(storage.barrier(), clock, connections);
            SealedRecords records = new SealedRecords(storage.barrier());
            KeyStoreService keyStores = KeyStoreService.load(repository, records,
                    connections, config.clusters(), TokenConnectors.pkcs11(), clock);
            keyStoreConnections = connections;
            // AWS keeps a connected key store connected; Trent reconnects after a restart what was connected.
            keyStores.reconnectRequested();
            Services services = Services.over(repository, clock, keyStores);
            RequestGate gate = new RequestGate();
            Dispatcher dispatcher = new Dispatcher(new OperationRegistry(services), gate);
            if (seed != null) {
                applySeed(seed, services, repository, config);
            }

            DeletionSweeper sweeper = new DeletionSweeper(repository, clock, keyStores::destroyed);
            MaterialExpirySweeper expirySweeper = new MaterialExpirySweeper(
                    repository, services.imports().tokens(), clock);
            CryptoperiodSweeper cryptoperiods = new CryptoperiodSweeper(repository);
            Housekeeping housekeeping = new Housekeeping()
                    .add(KEYS_DELETED, () -> sweeper.sweep().size(), sweeper::nextDue)
                    .add(MATERIAL_EXPIRED, () -> expirySweeper.sweep().size(), expirySweeper::nextDue)
                    .add(ROTATIONS, services.rotation()::rotateDue, services.rotation()::nextDue)
                    .add(CRYPTOPERIODS_ENDED, cryptoperiods::sweep, cryptoperiods::nextDue)
                    .add("saving key usage", repository.usage()::save);
            TimeTravel time = new TimeTravel(clock, housekeeping);
            time.tick();
            sweeperThread = Executors.newSingleThreadScheduledExecutor(daemonThreads("trent-housekeeping"));
            sweeperThread.scheduleWithFixedDelay(time::tick,
                    SWEEP_INTERVAL_MILLIS, SWEEP_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            ReadyScripts readyScripts = config.initDir().map(ReadyScripts::in).orElse(null);
            Runnable reseed = seed == null ? () -> { } : () -> applySeed(seed, services, repository, config);
            StateReset reset = new StateReset(repository, keyStores, services.imports().tokens(), records, time, gate,
                    reseed);
            AdminRouter admin = AdminRoutes.create(time, Version.current(), services.lifecycle(),
                    config.accountId(), config.defaultRegion(),
                    readyScripts != null ? readyScripts : InitScriptStatus.NONE, reset);

            business = Executors.newFixedThreadPool(
                    Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), daemonThreads("trent-worker"));
            ExecutorService executor = business;
            boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
            // Rate-limiting log lines is about real seconds, whatever the KMS clock says.
            ConnectionLimit limit = new ConnectionLimit(
                    config.maxConnections().orElseGet(DescriptorBudget::defaultMaxConnections), Clock.systemUTC());
            AcceptErrors acceptErrors = new AcceptErrors(Clock.systemUTC());
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .handler(limit)
                    .childHandler(new KmsChannelInitializer(
                            () -> new KmsHttpHandler(dispatcher, executor,
                                    new Accounts(config.accountId(), config.accessKeyAccounts()),
                                    config.defaultRegion()),
                            () -> new AdminHttpHandler(admin, executor),
                            new ConnectionSettings(config.idleTimeout(), config.requestReadTimeout())))
                    .bind(config.host(), config.port())
                    .sync()
                    .channel();
            // After Netty's acceptor, which pauses accepting when accept fails, so its failures end here.
            channel.pipeline().addLast(acceptErrors);
            LOG.fine(() -> "accepting at most " + limit.max() + " connections at once");
            TrentServer server = new TrentServer(storage, boss, workers, business, sweeperThread, sweeper,
                    expirySweeper, repository, channel, config.host());
            server.connections = keyStoreConnections;
            server.reset = reset;
            server.rootOfTrust = rootOfTrust;
            if (readyScripts != null) {
                readyScripts.start(server.endpoint(), config.defaultRegion());
            }
            return server;
        } catch (Exception | Error e) {
            shutdown(boss, workers, business, sweeperThread);
            if (keyStoreConnections != null) {
                keyStoreConnections.closeAll();
            }
            storage.close();
            rootOfTrust.close();
            throw e;
        }
    }

    private static void applySeed(Seed seed, Services services, KeyRepository repository, TrentConfig config) {
        SeedApplier.Outcome outcome = new SeedApplier(services, repository, config.accountId(),
                config.defaultRegion(), LOG::info).apply(seed);
        LOG.info("seed " + seed.file() + ": " + outcome.keysCreated() + " keys and " + outcome.aliasesCreated()
                + " aliases created, " + outcome.keysLeft() + " keys and " + outcome.aliasesLeft()
                + " aliases already there");
    }

    private static Storage openStorage(TrentConfig config, RootOfTrustSource rootOfTrust) {
        if (config.inMemory()) {
            return Storage.inMemory();
        }
        try {
            return Storage.open(SqlitePhysicalStore.open(config.dataDir().resolve(DATABASE_FILE)),
                    rootOfTrust.provider());
        } catch (RuntimeException e) {
            rootOfTrust.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://host:port}, ready for {@code endpointOverride}. */
    public URI endpoint() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shownHost + ":" + port);
    }

    /** Runs the deletion sweeper now instead of waiting for its next turn; returns how many keys it destroyed. */
    public int sweepNow() {
        return sweeper.sweep().size();
    }

    /** Runs the imported-material expiry sweep now; returns how many keys lost their material. */
    public int expireImportedMaterialNow() {
        return expirySweeper.sweep().size();
    }

    /** Wipes all state, as {@code POST /_trent/reset} does; returns what was removed. */
    public StateWipe.Removed reset() {
        return reset.wipeAll();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        channel.close().awaitUninterruptibly();
        shutdown(boss, workers, business, sweeperThread);
        try {
            repository.usage().save();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "saving key usage at shutdown failed", e);
        }
        connections.closeAll();
        storage.close();
        rootOfTrust.close();
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup workers, ExecutorService business,
                                 ScheduledExecutorService sweeperThread) {
        if (sweeperThread != null) {
            sweeperThread.shutdownNow();
        }
        if (business != null) {
            business.shutdown();
            try {
                if (!business.awaitTermination(10, TimeUnit.SECONDS)) {
                    business.shutdownNow();
                }
            } catch (InterruptedException e) {
                business.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        for (EventLoopGroup group : new EventLoopGroup[] {boss, workers}) {
            if (group != null) {
                group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
            }
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
