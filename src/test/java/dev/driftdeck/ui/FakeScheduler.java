package dev.driftdeck.ui;

import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.RunNowResult;
import dev.driftdeck.schedule.SchedulerControl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-test {@link SchedulerControl} for UI tests only: statuses are set by the test, runNow answers
 * what the test chose and records the request. The real scheduler is tested in its own package.
 */
public final class FakeScheduler implements SchedulerControl {

    private volatile List<JobStatus> statuses;
    private volatile RunNowResult nextAnswer = RunNowResult.started();
    private final List<String> runNowRequests = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<JobStatus>>> listeners = new CopyOnWriteArrayList<>();

    public FakeScheduler(List<JobStatus> statuses) {
        this.statuses = List.copyOf(statuses);
    }

    /** Publishes new snapshots to subscribers, as the scheduler does after every change. */
    public void publish(List<JobStatus> now) {
        statuses = List.copyOf(now);
        listeners.forEach(l -> l.accept(statuses));
    }

    public void answerRunNowWith(RunNowResult answer) {
        nextAnswer = answer;
    }

    public List<String> runNowRequests() {
        return new ArrayList<>(runNowRequests);
    }

    public int subscriberCount() {
        return listeners.size();
    }

    @Override
    public List<JobStatus> statuses() {
        return statuses;
    }

    @Override
    public RunNowResult runNow(String job) {
        runNowRequests.add(job);
        return nextAnswer;
    }

    @Override
    public void pause(String job) {
        throw new UnsupportedOperationException("the console does not pause jobs yet");
    }

    @Override
    public void resume(String job) {
        throw new UnsupportedOperationException("the console does not resume jobs yet");
    }

    @Override
    public AutoCloseable subscribe(Consumer<List<JobStatus>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
