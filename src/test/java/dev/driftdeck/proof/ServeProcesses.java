package dev.driftdeck.proof;

import dev.driftdeck.app.Main;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.RunQuery;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.JdbcRunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Real {@code driftdeck serve} processes on one PostgreSQL database, as the team proofs start them: each a child JVM
 * scanning an empty state against moto every 10 s, started and then awaited until it says it serves.
 */
final class ServeProcesses {

    /** The outcomes of a run that stored its scan. */
    static final Set<RunOutcome> STORED = EnumSet.of(RunOutcome.SUCCEEDED, RunOutcome.PARTIAL);

    private ServeProcesses() {
    }

    /**
     * Starts {@code count} serves (the empty state copied into {@code dir}) and waits until every one is serving;
     * they are added to {@code started} as they start, so the caller can stop them even when a later one fails.
     */
    static void start(int count, DatabaseLocation.Postgres location, String motoEndpoint, Path dir,
                      List<ChildJvm> started) throws IOException, InterruptedException {
        Path state = dir.resolve("empty.tfstate");
        if (!Files.exists(state)) {
            Files.copy(Path.of("src/test/resources/tfstate/edge/no-resources.tfstate"), state);
        }
        List<ChildJvm> these = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ChildJvm serve = ChildJvm.start(List.of(), List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
                            "-Daws.accessKeyId=testing", "-Daws.secretAccessKey=testing"), Main.class,
                    "serve", "--db", location.toString(), "--state", state.toString(), "--region", "us-east-1",
                    "--endpoint-url", motoEndpoint, "--every", "10s");
            these.add(serve);
            started.add(serve);
        }
        for (ChildJvm serve : these) {
            serve.await("Serving ", Duration.ofSeconds(90));
        }
    }

    /** The drift-scan runs that stored a scan, newest first. */
    static List<JobRun> storedScans(JdbcRunStore runs) {
        return runs.runs(new RunQuery("drift-scan", null, 500)).stream()
                .filter(run -> run.outcome() != null && STORED.contains(run.outcome())).toList();
    }
}
