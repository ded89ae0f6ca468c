package dev.driftdeck.proof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test's child JVM on this test JVM's java and class path, whose stdout lines are collected as they come.
 * Always {@link #close() closed} in a finally: close kills it (SIGKILL) if it still runs.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child died: the lines so far are all there is
            }
            lines.add("<EOF>");
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code args}; {@code prefix} (e.g. {@code setpriv ...}) goes before java. */
    static ChildJvm start(List<String> prefix, List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        return start(List.of(), List.of("-Xmx1g"), mainClass, args);
    }

    /** Waits for the first stdout line starting with {@code prefix}; fails when the child ends or time runs out. */
    String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("child printed no '" + prefix + "' within " + timeout + "; it printed " + seen);
            }
            if (line.equals("<EOF>")) {
                lines.add(line);
                throw new AssertionError("child ended before printing '" + prefix + "'; it printed " + seen);
            }
            seen.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Every line read so far, drained without waiting. */
    List<String> seen() {
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        rest.stream().filter(l -> !l.equals("<EOF>")).forEach(seen::add);
        return List.copyOf(seen);
    }

    /** SIGKILL on Linux: no shutdown hook, no finally, no H2 close runs in the child. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child " + process.pid() + " did not die within 30 s of SIGKILL");
        }
    }

    int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child did not exit within " + timeout + "; it printed " + seen());
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM: the JVM's shutdown hooks run, as under {@code systemctl stop}. */
    void terminate() {
        process.destroy();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
