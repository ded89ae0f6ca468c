package dev.driftdeck.bench;

import dev.driftdeck.app.DesktopBootstrap;
import dev.driftdeck.aws.AwsScanner;
import dev.driftdeck.aws.AwsSession;
import dev.driftdeck.aws.AwsTarget;
import dev.driftdeck.aws.SessionOptions;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.scan.ScanRequest;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.scan.StateLoaders;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.LeaderLock;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.testing.FaultInjectingProxy;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.PostgresServer;
import dev.driftdeck.testing.TerraformApply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 15, "API calls saved vs N independent consoles", measured. Part one: the Terraform {@code foundation} estate
 * applied on moto, then scanned {@code scans} times through a counting proxy (the tests' {@link FaultInjectingProxy},
 * injecting nothing): R, the AWS requests one scan makes. N consoles on H2 each scan every interval (N·R); a team
 * scans once (R). Part two: what a team costs PostgreSQL instead: one leading console alone, then with
 * {@code followers} following consoles beside it, each phase {@code window} seconds, read from
 * {@code pg_stat_database} (transactions and sessions of the team's database) on the tests' own PostgreSQL. The
 * difference over the followers is one follower's cost. Arguments: [scans] [followers] [window seconds], default
 * 3 2 120.
 */
public final class TeamApiCallsBench {

    public static void main(String[] args) throws Exception {
        int scans = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int followers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Duration window = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 120);
        BenchSupport.header("API calls a team saves: one scan of the foundation estate, and a follower's database cost");
        Path work = Files.createTempDirectory("driftdeck-team-bench-");

        double requestsPerScan = awsRequestsPerScan(scans, work);
        Cost leaderAlone;
        Cost withFollowers;
        PostgresServer server = PostgresServer.startPrivate();
        DatabaseLocation.Postgres location = server.createDatabase();
        try (Database db = Database.open(location)) {
            Migrations.migrateAndVerify(db);
        }
        List<DesktopBootstrap.Desktop> consoles = new ArrayList<>();
        try (Connection stats = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port()
                + "/postgres?user=" + PostgresServer.USER)) {
            consoles.add(boot(work.resolve("leader"), location));
            awaitLeader(location);
            settle();
            leaderAlone = measure(stats, location.database(), window);
            for (int i = 0; i < followers; i++) {
                consoles.add(boot(work.resolve("follower-" + i), location));
            }
            settle();
            withFollowers = measure(stats, location.database(), window);
        } finally {
            consoles.forEach(DesktopBootstrap.Desktop::close);
        }

        Cost follower = withFollowers.minus(leaderAlone).dividedBy(followers);
        System.out.printf("PostgreSQL, per minute: the leading console alone %s; with %d followers %s; one follower %s%n",
                leaderAlone, followers, withFollowers, follower);
        System.out.println();
        System.out.println("| consoles N | AWS requests per scan interval, N independent consoles (N·R) | team: one leader (R) |"
                + " AWS requests saved per interval | team's PostgreSQL load per minute, followers (N−1) |");
        System.out.println("|---|---|---|---|---|");
        for (int n : new int[] {1, 3, 10}) {
            System.out.printf("| %d | %,.0f | %,.0f | %,.0f | %,.0f transactions, %,.0f sessions |%n", n,
                    n * requestsPerScan, requestsPerScan, (n - 1) * requestsPerScan,
                    (n - 1) * follower.transactions(), (n - 1) * follower.sessions());
        }
    }

    /** R: the median requests one scan of the foundation estate sends to AWS (moto), counted at the proxy. */
    private static double awsRequestsPerScan(int scans, Path work) throws Exception {
        MotoServer moto = MotoServer.shared();
        moto.reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        Path state = TerraformApply.apply("foundation", moto.endpoint(), work.resolve("tf"));
        List<Double> requests = new ArrayList<>();
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(moto.endpoint(), 0)) {
            ScanService service = new ScanService(Clock.systemUTC(), StateLoaders.standard(new StateCache()),
                    target -> AwsSession.open(new AwsTarget(target.profile(), target.region(), proxy.endpoint(),
                            target.roleArn(), target.externalId()), MotoClients.CREDENTIALS, SessionOptions.defaults()),
                    new AwsScanner());
            ScanRequest request = new ScanRequest(List.of(state.toString()), List.of(MotoClients.REGION), null,
                    proxy.endpoint(), false, null);
            for (int i = 1; i <= scans; i++) {
                proxy.inject(0, 0.0); // counts from zero, spoils nothing
                long start = System.nanoTime();
                ScanReport report = service.scan(request, progress -> { }, () -> false);
                long millis = (System.nanoTime() - start) / 1_000_000;
                long counted = report.apiCalls().values().stream().mapToLong(Long::longValue).sum();
                System.out.printf("scan %d: %d requests at the proxy, %d API calls in the report (%d services),"
                                + " %d findings, %d alerts, %d ms%n", i, proxy.requests(), counted,
                        report.apiCalls().size(), report.findings().size(), report.alerts().size(), millis);
                requests.add((double) proxy.requests());
            }
        }
        double median = BenchSupport.median(requests);
        System.out.printf("R = %.0f requests per scan (median of %d)%n", median, scans);
        return median;
    }

    private static DesktopBootstrap.Desktop boot(Path dir, DatabaseLocation location) {
        Clock clock = Clock.systemUTC();
        return DesktopBootstrap.boot(new DataDirectory(dir), location.toString(), clock, ScanService.standard(clock),
                StateLoaders.standard(new StateCache()), SchedulerOptions.defaults());
    }

    private static void awaitLeader(DatabaseLocation location) throws InterruptedException {
        try (Database db = Database.open(location)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!LeaderLock.status(db).held()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("No console took the lead of " + location + " in 30 s");
                }
                Thread.sleep(200);
            }
        }
    }

    /** Start-up work (the first state sync, the followers' first reads) and PostgreSQL's delayed statistics pass. */
    private static void settle() throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(20));
    }

    private static Cost measure(Connection stats, String database, Duration window) throws SQLException,
            InterruptedException {
        Cost start = read(stats, database);
        Thread.sleep(window);
        Cost end = read(stats, database);
        double minutes = window.toMillis() / 60_000.0;
        return new Cost((end.transactions() - start.transactions()) / minutes,
                (end.sessions() - start.sessions()) / minutes);
    }

    private static Cost read(Connection stats, String database) throws SQLException {
        try (Statement clear = stats.createStatement()) {
            clear.execute("SELECT pg_stat_clear_snapshot()");
        }
        try (PreparedStatement select = stats.prepareStatement(
                "SELECT xact_commit + xact_rollback, sessions FROM pg_stat_database WHERE datname = ?")) {
            select.setString(1, database);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Cost(row.getLong(1), row.getLong(2));
            }
        }
    }

    /** Transactions and sessions (new connections), as totals or per minute. */
    private record Cost(double transactions, double sessions) {

        Cost minus(Cost other) {
            return new Cost(transactions - other.transactions, sessions - other.sessions);
        }

        Cost dividedBy(int n) {
            return new Cost(transactions / n, sessions / n);
        }

        @Override
        public String toString() {
            return String.format("%,.0f transactions and %,.0f sessions", transactions, sessions);
        }
    }
}
