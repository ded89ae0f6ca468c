package dev.driftdeck.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundTasksTest {

    @Test
    void successRunsOnTheUiExecutorAfterTheWork() {
        Queue<Runnable> worker = new ArrayDeque<>();
        Queue<Runnable> ui = new ArrayDeque<>();
        BackgroundTasks tasks = new BackgroundTasks(worker::add, ui::add);
        List<String> events = new ArrayList<>();

        tasks.run(() -> {
            events.add("work");
            return 42;
        }, result -> events.add("success " + result), e -> events.add("failure"));

        assertThat(events).isEmpty();
        worker.poll().run();
        assertThat(events).containsExactly("work");
        ui.poll().run();
        assertThat(events).containsExactly("work", "success 42");
    }

    @Test
    void failureReachesOnlyTheFailureCallback() {
        List<String> events = new ArrayList<>();

        BackgroundTasks.sameThread().run(() -> {
            throw new IllegalStateException("database locked");
        }, ok -> events.add("success"), e -> events.add("failure " + e.getMessage()));

        assertThat(events).containsExactly("failure database locked");
    }

    @Test
    void daemonWorkersAreNamedAndDoNotKeepTheJvmAlive() throws Exception {
        try (BackgroundTasks tasks = new BackgroundTasks(Runnable::run, Runnable::run)) {
            assertThat(tasks.ui()).isNotNull();
        }
        // daemon() needs no FX toolkit to run work; only its callbacks go through Platform.runLater.
        BackgroundTasks daemon = BackgroundTasks.daemon("test-ui");
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        daemon.run(() -> thread.complete(Thread.currentThread()), ok -> { }, e -> { });
        Thread worker = thread.get(5, TimeUnit.SECONDS);
        daemon.close();

        assertThat(worker.getName()).startsWith("test-ui-");
        assertThat(worker.isDaemon()).isTrue();
    }
}
