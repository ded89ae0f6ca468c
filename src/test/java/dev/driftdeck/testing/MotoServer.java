package dev.driftdeck.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real moto_server on a free loopback port, started once per test JVM and reset between tests.
 * Tests call {@link #shared()} then {@link #reset()}; the process is killed when the JVM exits.
 *
 * <p>A test class that runs beside the others (the Terraform-applied family tests, see {@link PrivateMoto}) gets a
 * server of its own instead, bound to the thread that runs the class: {@link #current()} is that server there and
 * the shared one everywhere else, so {@link MotoClients} and the fixtures follow it without being told.
 */
public final class MotoServer {

    private static MotoServer shared;
    private static final ThreadLocal<MotoServer> BOUND = new ThreadLocal<>();

    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static synchronized MotoServer shared() {
        if (shared == null) {
            shared = start();
            MotoServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.process.destroyForcibly()));
        }
        return shared;
    }

    /** The server of the class running on this thread, if it has one ({@link PrivateMoto}), else the shared one. */
    public static MotoServer current() {
        MotoServer bound = BOUND.get();
        return bound != null ? bound : shared();
    }

    /** A new server of the caller's own, bound to this thread until {@link #unbindAndStop()}. */
    static MotoServer startBound(boolean awsManagedPolicies) {
        if (BOUND.get() != null) {
            throw new IllegalStateException("this thread already has a private moto_server: a class ran inside another");
        }
        MotoServer server = start(awsManagedPolicies);
        BOUND.set(server);
        return server;
    }

    /** Ends {@link #startBound(boolean)}: this thread goes back to the shared server, and the process is killed. */
    void unbindAndStop() {
        BOUND.remove();
        process.destroyForcibly();
    }

    private static MotoServer start() {
        return start(false);
    }

    private static MotoServer start(boolean awsManagedPolicies) {
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-", ".log");
            ProcessBuilder builder = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port));
            if (awsManagedPolicies) {
                builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
            }
            // Where RecordedEstate's upload lands (moto's default is ./moto_recording, in the checkout).
            builder.environment().put("MOTO_RECORDER_FILEPATH",
                    Files.createTempFile("moto-recording-", ".jsonl").toString());
            Process process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            MotoServer server = new MotoServer(process, port);
            server.awaitUp(log);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start moto_server (is it on PATH?): " + e.getMessage(), e);
        }
    }

    private void awaitUp(Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited: " + Files.readString(log));
            }
            try {
                if (request("GET", "/moto-api/") < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("moto_server did not come up on port " + port);
    }

    /** Forgets every resource in every account and region. */
    public void reset() {
        try {
            int code = request("POST", "/moto-api/reset");
            if (code != 200) {
                throw new IllegalStateException("moto reset answered " + code);
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private int request(String method, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + path).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(1000);
        connection.setReadTimeout(10000);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
