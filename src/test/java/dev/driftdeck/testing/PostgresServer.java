package dev.driftdeck.testing;

import dev.driftdeck.store.DatabaseLocation;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, one per JVM: started on first use ({@link #shared()}) from the binaries on
 * the PATH ({@code initdb}, {@code pg_ctl}; PostgreSQL 15 on this machine kind) into a temp directory, listening on
 * 127.0.0.1 on a free port (its socket in that directory too), and stopped at JVM exit. Durability is off
 * ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes}): a test server never survives a crash anyway.
 *
 * <p>PostgreSQL refuses to run as root; the tests run as root on this machine kind, so then the server runs as the
 * {@code postgres} user the PostgreSQL packages create (or {@code nobody}), through {@code runuser}.
 *
 * <p>Every test gets a database of its own ({@link #createDatabase()}); logins are trusted from 127.0.0.1 except the
 * role {@link #PASSWORD_ROLE}, which must give its password (scram-sha-256), for the tests of PGPASSWORD and
 * ~/.pgpass.
 */
public final class PostgresServer {

    /** The superuser the tests connect as, without a password. */
    public static final String USER = "driftdeck";
    /** A login role that must give a password; create it with {@link #createPasswordRole(String)}. */
    public static final String PASSWORD_ROLE = "password_login";

    private static PostgresServer shared;

    private final Path dir;
    private final int port;
    private final List<String> runAs;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path dir, int port, List<String> runAs) {
        this.dir = dir;
        this.port = port;
        this.runAs = runAs;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /**
     * A server of its own, for a test that restarts it: restarting the shared one would pull it from under the
     * other tests of the JVM. Stopped at JVM exit, like the shared one.
     */
    public static PostgresServer startPrivate() {
        return start();
    }

    /**
     * {@code pg_ctl restart -m fast}: every session is ended (as a failover or a maintenance restart does), and the
     * server listens again on the same port when this returns.
     */
    public void restart() {
        try {
            run(List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                    "-m", "fast", "-w", "-t", "60", "restart"), dir.resolve("restart.log"));
        } catch (IOException e) {
            throw new IllegalStateException("Could not restart the test PostgreSQL in " + dir, e);
        }
    }

    public int port() {
        return port;
    }

    /** A new, empty database owned by {@link #USER}, for one test. */
    public DatabaseLocation.Postgres createDatabase() {
        String name = "test_" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name);
        return location(name, USER);
    }

    /** The database {@code name} on this server as {@code user} sees it. */
    public DatabaseLocation.Postgres location(String name, String user) {
        return new DatabaseLocation.Postgres("127.0.0.1:" + port, name, Map.of("user", user));
    }

    /** (Re)creates {@link #PASSWORD_ROLE} with {@code password}, allowed into every database. */
    public void createPasswordRole(String password) {
        admin("DROP ROLE IF EXISTS " + PASSWORD_ROLE);
        admin("CREATE ROLE " + PASSWORD_ROLE + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
    }

    /** Runs one statement as the superuser in the {@code postgres} database. */
    public void admin(String statement) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Test PostgreSQL on port " + port + " refused: " + statement, e);
        }
    }

    private static PostgresServer start() {
        try {
            List<String> runAs = runAsForRoot();
            Path dir = Files.createTempDirectory("driftdeck-pg-");
            Path data = dir.resolve("data");
            if (!runAs.isEmpty()) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName(runAs.get(2)));
            }
            PostgresServer server = new PostgresServer(dir, freePort(), runAs);
            server.run(List.of("initdb", "-D", data.toString(), "-U", USER, "-E", "UTF8", "--locale=C",
                    "--no-sync", "--auth=trust"), dir.resolve("initdb.log"));
            server.writeAccessRules(data);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-test-server-stop"));
            server.run(List.of("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w",
                    "-t", "60", "-o", "-p " + server.port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                            + " -c max_connections=200", "start"), dir.resolve("pg_ctl.log"));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the test PostgreSQL (initdb and pg_ctl on the PATH?)", e);
        }
    }

    /** Only the role that needs a password is asked for one; everyone else on 127.0.0.1 is trusted. */
    private void writeAccessRules(Path data) throws IOException {
        String rules = String.join("\n",
                "local all all trust",
                "host all " + PASSWORD_ROLE + " 127.0.0.1/32 scram-sha-256",
                "host all all 127.0.0.1/32 trust", "");
        Path hba = data.resolve("pg_hba.conf");
        // Written through the server's own user so it stays the owner of its files.
        Path staged = dir.resolve("pg_hba.staged");
        Files.writeString(staged, rules, StandardCharsets.UTF_8);
        run(List.of("cp", staged.toString(), hba.toString()), dir.resolve("cp.log"));
    }

    private void stop() {
        try {
            run(List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"),
                    dir.resolve("stop.log"));
        } catch (RuntimeException | IOException e) {
            System.err.println("Stopping the test PostgreSQL in " + dir + " failed: " + e);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("Could not remove the test PostgreSQL directory " + dir + ": " + e);
        }
    }

    private void run(List<String> command, Path log) throws IOException {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish in 120 s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + full, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed (exit " + process.exitValue() + "): "
                    + Files.readString(log));
        }
    }

    /** {@code runuser -u postgres --} when this JVM is root (PostgreSQL will not run as root), else nothing. */
    private static List<String> runAsForRoot() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        String user = Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith("postgres:"))
                ? "postgres" : "nobody";
        return List.of("runuser", "-u", user, "--");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
