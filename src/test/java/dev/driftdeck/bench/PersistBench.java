package dev.driftdeck.bench;

import dev.driftdeck.aws.Collectors;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.drift.Reconciliation;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SourceSummary;
import dev.driftdeck.state.StateSnapshot;
import dev.driftdeck.state.TfStateParser;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Brief section 9: persist a 100,000-finding scan with {@code ScanRepository.save} on a file database in at most 5 s.
 * Each run saves the same reconciled report as a new scan into one database (as the scheduler does, scan after scan),
 * then the finding ages of the last run are read ("first seen"/"drifted since", carried forward by each save after the
 * first) and its report is loaded back to check the round trip. Arguments: [size] [runs] [database], default
 * 100000 5 h2; database {@code postgresql} starts the tests' own PostgreSQL 15 ({@code PostgresServer}) and saves into a
 * new database there, any other value is a {@code --db} location (an H2 path or a PostgreSQL URL).
 */
public final class PersistBench {

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String target = args.length > 2 ? args[2] : "h2";
        BenchSupport.header("persist a " + size + "-finding scan into " + target);

        Path dir = Files.createTempDirectory("driftdeck-bench-");
        SyntheticEstate estate = new SyntheticEstate(size);
        StateSnapshot state = new TfStateParser().parse(estate.writeState(dir.resolve("bench.tfstate")));
        Reconciliation result = new Reconciler(Collectors.specs()).reconcile(List.of(state), estate.live(), IgnoreRules.none());
        ScanReport report = report(state, result);
        long diffs = report.findings().stream().mapToLong(f -> f.diffs().size()).sum();
        System.out.printf("report: %,d findings, %,d attribute diffs, %d alerts%n", report.findings().size(), diffs,
                report.alerts().size());

        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        DatabaseLocation location = switch (target) {
            case "h2" -> new DatabaseLocation.H2File(dir.resolve("db/driftdeck"));
            case "postgresql" -> PostgresServer.shared().createDatabase();
            default -> DatabaseLocation.parse(target);
        };
        try (Database db = Database.open(location)) {
            Migrations.migrateAndVerify(db);
            ScanRepository scans = new ScanRepository(db);
            long lastId = 0;
            for (int i = 0; i < runs; i++) {
                long cpuStart = BenchSupport.processCpuNanos();
                long start = System.nanoTime();
                lastId = scans.save(report);
                times.add(BenchSupport.millis(System.nanoTime() - start));
                cpu.add(BenchSupport.millis(BenchSupport.processCpuNanos() - cpuStart));
            }
            // Each save after the first also carried every finding's age forward from the previous scan.
            long agesStart = System.nanoTime();
            int ages = scans.findingAges(lastId).size();
            System.out.printf("read the finding ages of scan %d: %,d ages in %.0f ms%n", lastId, ages,
                    BenchSupport.millis(System.nanoTime() - agesStart));
            long loadStart = System.nanoTime();
            ScanReport loaded = scans.load(lastId).orElseThrow();
            System.out.printf("load back scan %d: %.0f ms, equal to what was saved: %s%n", lastId,
                    BenchSupport.millis(System.nanoTime() - loadStart), loaded.equals(report));
            System.out.printf("database size after %d scans: %,d bytes%n", runs, size(db));
        }
        System.out.printf("save (first run is cold): %s%n", BenchSupport.summary(times));
        System.out.printf("save, CPU time of the whole process (all threads, GC included): %s%n", BenchSupport.summary(cpu));
        System.out.printf("load average at end: %s%n", BenchSupport.loadAverage());
        BenchSupport.check(BenchSupport.median(times) <= 5_000, "target <= 5000 ms");
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static long size(Database db) throws Exception {
        if (!db.shared()) {
            return Files.size(db.file());
        }
        try (Connection connection = db.connection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT pg_database_size(current_database())")) {
            row.next();
            return row.getLong(1);
        }
    }

    static ScanReport report(StateSnapshot state, Reconciliation result) {
        Instant started = Instant.parse("2026-11-28T10:35:00Z");
        return new ScanReport(started, started.plusSeconds(42),
                List.of(new SourceSummary(state.sourceUri(), state.serial(), state.lineage(), state.resources().size(), null)),
                result.findings(), result.alerts(), java.util.Map.of("ec2", 1_000L, "iam", 2_000L, "s3", 500L),
                List.of(SyntheticEstate.ACCOUNT), SyntheticEstate.REGIONS);
    }
}
