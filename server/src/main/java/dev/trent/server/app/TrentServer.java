package dev.trent.server.app;

import dev.trent.server.admin.AdminRouter;
import dev.trent.server.admin.AdminRoutes;
import dev.trent.server.admin.InitScriptStatus;
import dev.trent.server.admin.StateWipe;
import dev.trent.server.api.Dispatcher;
import dev.trent.server.api.OperationRegistry;
import dev.trent.server.api.RequestAuthorization;
import dev.trent.server.api.RequestGate;
import dev.trent.server.api.Services;
import dev.trent.server.api.WorkLanes;
import dev.trent.server.admin.AuditEndpoints;
import dev.trent.server.audit.AuditTrail;
import dev.trent.server.audit.DigestPolicy;
import dev.trent.server.audit.ServiceAction;
import dev.trent.server.cloudtrail.CloudTrailApi;
import dev.trent.server.repository.AuditRecords;
import dev.trent.server.repository.AuditingBarrier;
import dev.trent.storage.Barrier;
import dev.trent.server.app.cli.Version;
import dev.trent.server.auth.AuthMode;
import dev.trent.server.auth.ChainedCredentials;
import dev.trent.server.auth.RootCredentials;
import dev.trent.server.auth.SecretAccessKey;
import dev.trent.server.auth.SigV4Verifier;
import dev.trent.server.iam.IamApi;
import dev.trent.server.iam.IamCredentials;
import dev.trent.server.iam.IamFile;
import dev.trent.server.iam.IamSeed;
import dev.trent.server.iam.IamSeedApplier;
import dev.trent.server.iam.IamStore;
import dev.trent.server.policy.KmsAuthorizer;
import dev.trent.server.http.QueryAuthentication;
import dev.trent.server.http.QueryHttpHandler;
import dev.trent.server.query.QueryService;
import dev.trent.server.sts.SessionCredentials;
import dev.trent.server.sts.SessionTokens;
import dev.trent.server.sts.StsApi;
import dev.trent.server.http.AcceptErrors;
import dev.trent.server.http.AdminAuthentication;
import dev.trent.server.http.KmsAuthentication;
import dev.trent.server.http.Accounts;
import dev.trent.server.http.ConnectionLimit;
import dev.trent.server.http.ConnectionSettings;
import dev.trent.server.keystore.Connections;
import dev.trent.server.keystore.KeyStoreService;
import dev.trent.server.keystore.TokenConnectors;
import dev.trent.server.http.AdminHttpHandler;
import dev.trent.server.http.CrossSiteGuard;
import dev.trent.server.http.CrossSiteRules;
import dev.trent.server.http.KmsChannelInitializer;
import dev.trent.server.http.KmsHttpHandler;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.repository.SealedRecords;
import dev.trent.server.seed.Seed;
import dev.trent.server.seed.SeedApplier;
import dev.trent.server.seed.SeedException;
import dev.trent.server.seed.SeedFile;
import dev.trent.server.service.CryptoperiodSweeper;
import dev.trent.server.service.DeletionSweeper;
import dev.trent.server.service.KeyAuthorization;
import dev.trent.server.service.PolicyEnforcement;
import dev.trent.server.policy.DecisionCache;
import dev.trent.server.policy.KmsAuthorizer;
import dev.trent.server.service.MaterialExpirySweeper;
import dev.trent.server.time.Housekeeping;
import dev.trent.server.time.MovableClock;
import dev.trent.server.time.TimeTravel;
import dev.trent.storage.CommitWitness;
import dev.trent.storage.DataDirLock;
import dev.trent.storage.SqlitePhysicalStore;
import dev.trent.storage.StoreDamagedException;
import dev.trent.storage.Storage;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    /** Decisions remembered in enforce mode; a new policy text or caller only ever adds entries. */
    private static final int DECISIONS_CACHED = 100_000;

    /** The names of the timed housekeeping tasks, which is also how POST /_trent/clock reports what fired. */
    public static final String KEYS_DELETED = "keysDeleted";
    public static final String MATERIAL_EXPIRED = "materialExpired";
    public static final String ROTATIONS = "rotations";
    public static final String CRYPTOPERIODS_ENDED = "cryptoperiodsEnded";

    public static final String DATABASE_FILE = "trent.db";
    /**
     * How many audit events may wait to be written before calls are refused (ThrottlingException) rather than
     * run unrecorded: about a second of data-plane calls at the measured rate.
     */
    private static final int AUDIT_ROOM = 50_000;

    private final Storage storage;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final WorkLanes lanes;
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
    /** The audit trail every call is recorded in; null when it is off. */
    private AuditTrail trail;
    /** Wipes all state, for the reset endpoints and tests that share one server. */
    private StateReset reset;
    /** What the root of trust holds open (a PKCS#11 login), released after storage closes. */
    private RootOfTrustSource rootOfTrust;
    /** This process's exclusive use of the data dir (null in memory), released last. */
    private DataDirLock dataDirLock;
    /** The TLS context, and the self-signed certificate if Trent made one. */
    private ServerTls.Prepared tls = new ServerTls.Prepared(null, null, null);

    private TrentServer(Storage storage, EventLoopGroup boss, EventLoopGroup workers, WorkLanes lanes,
                        ScheduledExecutorService sweeperThread, DeletionSweeper sweeper,
                        MaterialExpirySweeper expirySweeper, KeyRepository repository, Channel channel, String host) {
        this.storage = storage;
        this.boss = boss;
        this.workers = workers;
        this.lanes = lanes;
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
        IamSeed iamSeed = config.iamFile().map(IamFile::read).orElse(null);
        List<RootCredentials.Entry> roots = rootCredentials(config, iamSeed);
        // Taken before anything in the data dir is created or read, so a second server changes nothing.
        DataDirLock dataDirLock = config.inMemory() ? null
                : DataDirLock.acquire(config.dataDir(), "starting", config.clock());
        // So is the certificate, and a self-signed one is made before anything else (in the locked data dir).
        ServerTls.Prepared tls;
        try {
            tls = ServerTls.prepare(config);
        } catch (Exception | Error e) {
            release(dataDirLock);
            throw e;
        }
        CrossSiteGuard guard = new CrossSiteGuard(
                new CrossSiteRules(config.host(), config.hostnames(), tls.context() != null));
        RootOfTrustSource rootOfTrust;
        Storage storage;
        try {
            rootOfTrust = RootOfTrustSource.of(config);
            storage = openStorage(config, rootOfTrust);
        } catch (Exception | Error e) {
            tls.close();
            release(dataDirLock);
            throw e;
        }
        Connections keyStoreConnections = null;
        EventLoopGroup boss = null;
        EventLoopGroup workers = null;
        WorkLanes lanes = null;
        ScheduledExecutorService sweeperThread = null;
        AuditTrail trail = null;
        try {
            // Every part of the server reads this one clock, so moving it moves every timestamp and deadline.
            MovableClock clock = new MovableClock(config.clock());
            AuditRecords auditRecords = new AuditRecords(storage.barrier());
            Barrier barrier = storage.barrier();
            if (config.auditTrail()) {
                trail = new AuditTrail(auditRecords.openChain(clock, DigestPolicy.DEFAULT), auditRecords, clock,
                        AUDIT_ROOM);
                // Every state change commits through this barrier, so it carries the audit event of its call.
                barrier = new AuditingBarrier(storage.barrier(), trail);
            }
            // Keys in custom key stores reach their tokens through the live connections.
            Connections connections = new Connections();
            KeyRepository repository = KeyRepository.load(barrier, clock, connections);
            SealedRecords records = new SealedRecords(barrier);
            KeyStoreService keyStores = KeyStoreService.load(repository, records,
                    connections, config.clusters(), TokenConnectors.pkcs11(), clock);
            keyStoreConnections = connections;
            // AWS keeps a connected key store connected; Trent reconnects after a restart what was connected.
            keyStores.reconnectRequested();
            IamStore iam = IamStore.load(records);
            if (iamSeed != null) {
                applyIam(iamSeed, iam, clock);
            }
            // Only enforce judges requests; off and verify run every operation unjudged, as before.
            KeyAuthorization authorization = config.authMode() == AuthMode.ENFORCE ? new KeyAuthorization(repository,
                    new DecisionCache(new KmsAuthorizer(), DECISIONS_CACHED), new IamIdentityPolicies(iam)) : null;
            Services services = Services.over(repository, clock, keyStores,
                    authorization != null ? authorization : PolicyEnforcement.ALLOW_ALL);
            RequestGate gate = new RequestGate();
            Dispatcher dispatcher = new Dispatcher(new OperationRegistry(services), gate, clock,
                    authorization != null ? new RequestAuthorization(authorization, clock) : RequestAuthorization.NONE);
            if (seed != null) {
                applySeed(seed, services, repository, config);
            }

            DeletionSweeper sweeper = new DeletionSweeper(repository, clock, keyStores::destroyed);
            MaterialExpirySweeper expirySweeper = new MaterialExpirySweeper(
                    repository, services.imports().tokens(), clock);
            CryptoperiodSweeper cryptoperiods = new CryptoperiodSweeper(repository);
            AuditTrail byTrent = trail;
            Housekeeping housekeeping = new Housekeeping()
                    .add(KEYS_DELETED, () -> asService(byTrent, ServiceAction.DELETE_KEY,
                            () -> sweeper.sweep().size()), sweeper::nextDue)
                    .add(MATERIAL_EXPIRED, () -> asService(byTrent, ServiceAction.DELETE_EXPIRED_KEY_MATERIAL,
                            () -> expirySweeper.sweep().size()), expirySweeper::nextDue)
                    .add(ROTATIONS, () -> asService(byTrent, ServiceAction.ROTATE_KEY,
                            services.rotation()::rotateDue), services.rotation()::nextDue)
                    .add(CRYPTOPERIODS_ENDED, () -> asService(byTrent, ServiceAction.CRYPTOPERIOD_ENDED,
                            cryptoperiods::sweep), cryptoperiods::nextDue)
                    .add("saving key usage", repository.usage()::save);
            if (byTrent != null) {
                housekeeping.add("pruning the audit trail", () -> auditRecords.prune(byTrent.chain(),
                        clock.instant().minus(config.auditRetention())));
            }
            TimeTravel time = new TimeTravel(clock, housekeeping);
            time.tick();
            sweeperThread = Executors.newSingleThreadScheduledExecutor(WorkLanes.daemonThreads("trent-housekeeping"));
            sweeperThread.scheduleWithFixedDelay(time::tick,
                    SWEEP_INTERVAL_MILLIS, SWEEP_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            ReadyScripts readyScripts = config.initDir().map(ReadyScripts::in).orElse(null);
            Runnable reseed = () -> {
                if (seed != null) {
                    applySeed(seed, services, repository, config);
                }
                if (iamSeed != null) {
                    applyIam(iamSeed, iam, clock);
                }
            };
            StateReset reset = new StateReset(repository, keyStores, services.imports().tokens(), records, time, gate,
                    reseed).withIam(iam).withAudit(trail, auditRecords, clock, config.accountId(),
                    config.defaultRegion());
            AdminRouter admin = AdminRoutes.create(time, Version.current(), services.lifecycle(),
                    config.accountId(), config.defaultRegion(),
                    readyScripts != null ? readyScripts : InitScriptStatus.NONE, reset,
                    new StoreIntegrity(storage, repository));
            AuditTrail audit = trail;
            CloudTrailApi cloudTrail = null;
            if (audit != null) {
                cloudTrail = new CloudTrailApi(() -> {
                    audit.flush();
                    return auditRecords.events();
                });
                new AuditEndpoints(audit::publicKeyPem, () -> {
                    audit.flush();
                    return auditRecords.log(audit.chain().key());
                }).addTo(admin);
            }
            CloudTrailApi searchable = cloudTrail;

            // Signatures are dated by the movable clock, so moving it expires them as waiting would.
            byte[] tokenKey = records.derivedKey("sts session tokens");
            SessionTokens sessionTokens = new SessionTokens(tokenKey, iam::sessionEpoch);
            Arrays.fill(tokenKey, (byte) 0);
            SigV4Verifier verifier = new SigV4Verifier(new ChainedCredentials(List.of(
                    new RootCredentials(roots), new IamCredentials(iam),
                    new SessionCredentials(sessionTokens))), clock);
            Accounts accounts = new Accounts(config.accountId(), config.accessKeyAccounts());
            KmsAuthentication kmsAuthentication = new KmsAuthentication(config.authMode(), verifier,
                    accounts, config.defaultRegion());
            KmsAuthorizer authorizer = new KmsAuthorizer();
            List<QueryService> queryServices = List.of(IamApi.create(iam, clock, authorizer),
                    StsApi.create(iam, sessionTokens, authorizer, clock, config.authMode()));
            QueryAuthentication queryAuthentication = new QueryAuthentication(config.authMode(), verifier,
                    accounts, config.defaultRegion());
            AdminAuthentication adminAuthentication = new AdminAuthentication(config.authMode(), verifier,
                    config.adminPrincipals());

            lanes = WorkLanes.start(WorkLanes.Sizes.forProcessors(Runtime.getRuntime().availableProcessors()));
            WorkLanes work = lanes;
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
                            () -> new KmsHttpHandler(dispatcher, work::forRequest, kmsAuthentication, audit,
                                    searchable),
                            () -> new AdminHttpHandler(admin, work.general(), adminAuthentication, audit,
                                    config.accountId(), config.defaultRegion()),
                            () -> new QueryHttpHandler(queryServices, queryAuthentication, work.general(), audit),
                            guard,
                            tls.context(),
                            new ConnectionSettings(config.idleTimeout(), config.requestReadTimeout())))
                    .bind(config.host(), config.port())
                    .sync()
                    .channel();
            // After Netty's acceptor, which pauses accepting when accept fails, so its failures end here.
            channel.pipeline().addLast(acceptErrors);
            LOG.fine(() -> "accepting at most " + limit.max() + " connections at once");
            TrentServer server = new TrentServer(storage, boss, workers, lanes, sweeperThread, sweeper,
                    expirySweeper, repository, channel, config.host());
            server.connections = keyStoreConnections;
            server.reset = reset;
            server.rootOfTrust = rootOfTrust;
            server.tls = tls;
            server.dataDirLock = dataDirLock;
            server.trail = trail;
            if (dataDirLock != null) {
                dataDirLock.nowDoing("serving " + server.endpoint());
            }
            if (readyScripts != null) {
                readyScripts.start(server.endpoint(), config.defaultRegion(),
                        server.selfSignedCertificate().map(SelfSignedCertificate.Issued::certificateFile));
            }
            return server;
        } catch (Exception | Error e) {
            shutdown(boss, workers, lanes, sweeperThread);
            closeTrail(trail);
            if (keyStoreConnections != null) {
                keyStoreConnections.closeAll();
            }
            storage.close();
            rootOfTrust.close();
            tls.close();
            release(dataDirLock);
            throw e;
        }
    }

    private static void release(DataDirLock dataDirLock) {
        if (dataDirLock != null) {
            dataDirLock.close();
        }
    }

    private static void applySeed(Seed seed, Services services, KeyRepository repository, TrentConfig config) {
        SeedApplier.Outcome outcome = new SeedApplier(services, repository, config.accountId(),
                config.defaultRegion(), LOG::info).apply(seed);
        LOG.info("seed " + seed.file() + ": " + outcome.keysCreated() + " keys and " + outcome.aliasesCreated()
                + " aliases created, " + outcome.keysLeft() + " keys and " + outcome.aliasesLeft()
                + " aliases already there");
    }

    private static void applyIam(IamSeed seed, IamStore iam, Clock clock) {
        int entities = new IamSeedApplier(iam, clock).apply(seed);
        LOG.info("IAM file " + seed.file() + ": " + entities + " users, roles and managed policies in place");
    }

    /** The configured root access keys and those of the IAM file; one access key given twice is refused. */
    private static List<RootCredentials.Entry> rootCredentials(TrentConfig config, IamSeed iamSeed) {
        List<RootCredentials.Entry> roots = new ArrayList<>(config.rootCredentials());
        if (iamSeed == null) {
            return roots;
        }
        for (IamSeed.AccountSeed account : iamSeed.accounts()) {
            for (IamSeed.KeySeed key : account.rootKeys()) {
                roots.add(new RootCredentials.Entry(account.account(), key.accessKeyId(),
                        SecretAccessKey.of(key.secret())));
            }
        }
        try {
            new RootCredentials(roots);
        } catch (IllegalArgumentException e) {
            throw new SeedException("IAM file " + iamSeed.file() + ": " + e.getMessage()
                    + " (root access keys of the file and of --root-credentials must differ)", e);
        }
        return roots;
    }

    private static Storage openStorage(TrentConfig config, RootOfTrustSource rootOfTrust) {
        if (config.inMemory()) {
            return Storage.inMemory();
        }
        Path database = config.dataDir().resolve(DATABASE_FILE);
        try {
            refuseLostDatabase(config, database);
            Storage storage = Storage.open(SqlitePhysicalStore.open(database), rootOfTrust.provider(),
                    CommitWitness.file(CommitWitness.besideDatabase(database)));
            storage.integrity().problems().forEach(problem -> LOG.warning("data dir " + config.dataDir() + ": "
                    + problem));
            return storage;
        } catch (StoreDamagedException e) {
            rootOfTrust.close();
            throw new StoreDamagedException("data dir " + config.dataDir() + " is damaged: " + e.getMessage()
                    + "; 'trent fsck --data-dir " + config.dataDir() + "' lists everything found");
        } catch (RuntimeException e) {
            rootOfTrust.close();
            throw e;
        }
    }

    /**
     * A data dir whose own key file is there but whose database is not lost its database: starting a new, empty
     * store beside the old key would hide that. (A key file kept elsewhere may seal many stores.)
     */
    private static void refuseLostDatabase(TrentConfig config, Path database) {
        boolean ownKeyFile = config.rootOfTrust() == TrentConfig.RootOfTrustKind.KEY_FILE
                && config.keyFile().toAbsolutePath().normalize()
                        .equals(config.dataDir().resolve("master.key").toAbsolutePath().normalize());
        boolean noDatabase = !Files.exists(database) || sizeOf(database) == 0;
        if (ownKeyFile && noDatabase && Files.exists(config.keyFile())) {
            throw new StoreDamagedException("its key file " + config.keyFile() + " exists but its database "
                    + database + " is " + (Files.exists(database) ? "empty" : "missing") + ": the database was "
                    + "deleted or truncated. Restore it from a backup; to start afresh on purpose, remove the key "
                    + "file too");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://host:port} ({@code https://} with TLS), ready for {@code endpointOverride}. */
    public URI endpoint() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return URI.create((tls.context() != null ? "https://" : "http://") + shownHost + ":" + port);
    }

    /** The self-signed certificate the server presents ({@code --tls-self-signed}), if it has one. */
    public Optional<SelfSignedCertificate.Issued> selfSignedCertificate() {
        return Optional.ofNullable(tls.selfSigned());
    }

    /** Runs the deletion sweeper now instead of waiting for its next turn; returns how many keys it destroyed. */
    public int sweepNow() {
        return asService(trail, ServiceAction.DELETE_KEY, () -> sweeper.sweep().size());
    }

    /** Runs the imported-material expiry sweep now; returns how many keys lost their material. */
    public int expireImportedMaterialNow() {
        return asService(trail, ServiceAction.DELETE_EXPIRED_KEY_MATERIAL, () -> expirySweeper.sweep().size());
    }

    /** Runs Trent's own {@code work}, recorded as {@code action} when there is a trail. */
    private static <T> T asService(AuditTrail trail, ServiceAction action, java.util.function.Supplier<T> work) {
        return trail == null ? work.get() : trail.asService(action, work);
    }

    /** The audit trail every call is recorded in, or null without {@code --audit-trail}. */
    public AuditTrail auditTrail() {
        return trail;
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
        shutdown(boss, workers, lanes, sweeperThread);
        try {
            repository.usage().save();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "saving key usage at shutdown failed", e);
        }
        closeTrail(trail);
        connections.closeAll();
        storage.close();
        rootOfTrust.close();
        tls.close();
        release(dataDirLock);
    }

    /** Writes the events still queued and a last digest; a failure is logged, as the store closes anyway. */
    private static void closeTrail(AuditTrail trail) {
        if (trail == null) {
            return;
        }
        try {
            trail.close();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "writing the audit trail's last events and digest at shutdown failed", e);
        }
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup workers, WorkLanes lanes,
                                 ScheduledExecutorService sweeperThread) {
        if (sweeperThread != null) {
            sweeperThread.shutdownNow();
        }
        if (lanes != null) {
            lanes.shutdown(Duration.ofSeconds(10));
        }
        for (EventLoopGroup group : new EventLoopGroup[] {boss, workers}) {
            if (group != null) {
                group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
            }
        }
    }
}
