package dev.driftdeck.schedule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A job that plays one scripted body per run, then succeeds; remembers every context it got. */
final class ScriptedJob implements Job {

    @FunctionalInterface
    interface Body {
        RunOutcome run(JobContext context) throws Exception;
    }

    private final String name;
    private final Deque<Body> script = new ArrayDeque<>();
    final List<JobContext> contexts = new CopyOnWriteArrayList<>();

    ScriptedJob(String name) {
        this.name = name;
    }

    synchronized ScriptedJob then(Body body) {
        script.add(body);
        return this;
    }

    ScriptedJob thenFail(String message) {
        return then(context -> {
            throw new IllegalStateException(message);
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RunOutcome run(JobContext context) throws Exception {
        contexts.add(context);
        Body body;
        synchronized (this) {
            body = script.poll();
        }
        return body == null ? RunOutcome.SUCCEEDED : body.run(context);
    }
}
