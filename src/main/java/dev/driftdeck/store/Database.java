package dev.driftdeck.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's database: the embedded H2 file (the default) or a shared PostgreSQL database ({@link DatabaseLocation}).
 * Opening H2 takes the file lock at once (one connection is held for the lifetime of this object), so a second
 * Driftdeck fails fast with {@link DatabaseLockedException} instead of failing later inside Flyway with an opaque
 * error. Opening PostgreSQL connects once, so a wrong host, database or password is reported before anything else.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** One connection holds the lock for our lifetime; the rest serve the scheduler's jobs and the UI. */
    private static final int POOL_SIZE = 8;

    private final DatabaseLocation location;
    private final Dialect dialect;
    private final DataSource dataSource;
    /** Closes what the data source holds: H2's lock-holding connection and pool; nothing for PostgreSQL. */
    private final Runnable closer;

    private final boolean readOnly;
    /** Checked at the start of every leader write transaction; {@link LeaderTerm#NONE} outside team mode. */
    private final LeaderTerm term;

    private Database(DatabaseLocation location, Dialect dialect, DataSource dataSource, Runnable closer,
            boolean readOnly) {
        this(location, dialect, dataSource, closer, readOnly, LeaderTerm.NONE);
    }

    private Database(DatabaseLocation location, Dialect dialect, DataSource dataSource, Runnable closer,
            boolean readOnly, LeaderTerm term) {
        this.location = location;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.closer = closer;
        this.readOnly = readOnly;
        this.term = term;
    }

    /**
     * The same database seen by the jobs of one leadership term: every leader write (scans, runs, schedules) through
     * the returned view first checks, in its own transaction, that {@code term} still holds, and stores nothing when
     * it does not. Closing the view closes nothing; the caller keeps closing this one.
     */
    public Database fencedBy(LeaderTerm term) {
        return new Database(location, dialect, dataSource, () -> { }, readOnly, term);
    }

    /**
     * Opens the database at {@code location}: {@link #open(Path)} for an H2 file; for PostgreSQL, the password comes
     * from {@code PGPASSWORD}, else the driver reads {@code ~/.pgpass} (or {@code PGPASSFILE}) itself.
     *
     * @throws DatabaseLockedException when another process has the H2 file open
     * @throws DatabaseException       when it cannot be opened, naming the location and what to do
     */
    public static Database open(DatabaseLocation location) {
        return open(location, System.getenv());
    }

    /** {@link #open(DatabaseLocation)} with the environment given, so tests can set {@code PGPASSWORD}. */
    static Database open(DatabaseLocation location, Map<String, String> environment) {
        return switch (location) {
            case DatabaseLocation.H2File h2 -> open(h2.path());
            case DatabaseLocation.Postgres postgres -> {
                PostgresConnections connections = PostgresConnections.open(postgres, environment.get("PGPASSWORD"));
                yield new Database(postgres, Dialect.POSTGRESQL, connections.dataSource(), () -> { },
                        connections.readOnly());
            }
        };
    }

    /**
     * True when H2 could only open the file read-only (a read-only disk or mount, or a file or directory this user
     * cannot write): reading works, every write fails. The desktop then opens its console read-only.
     */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * Opens (creating when absent) the database at {@code dbFileWithoutSuffix}, i.e. the H2 file
     * {@code <path>.mv.db}.
     *
     * @throws DatabaseLockedException when another process has it open
     * @throws DatabaseException       when it cannot be opened for any other reason (corrupt, permissions...)
     */
    public static Database open(Path dbFileWithoutSuffix) {
        Path path = dbFileWithoutSuffix.toAbsolutePath().normalize();
        createPrivateParentDirectory(path);
        // FILE_LOCK=FILE is H2's default, spelled out because the lock is what keeps two Driftdecks apart.
        // WRITE_DELAY=0: a commit is on disk when it returns. H2's default (500 ms) lets a crash, a kill or a full
        // disk right after a commit lose a scan that was reported stored (MountedFaultTest caught it).
        String url = "jdbc:h2:file:" + path + ";FILE_LOCK=FILE;WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "driftdeck", "");
        pool.setMaxConnections(POOL_SIZE);
        Connection first;
        try {
            first = pool.getConnection();
        } catch (SQLException e) {
            pool.dispose();
            if (isLockedByAnotherProcess(e)) {
                throw new DatabaseLockedException(path, e);
            }
            if (StorageFailures.diskFull(e)) {
                throw new DatabaseException("Could not open the database " + path + ": the disk holding it is full."
                        + " Free some space, or start Driftdeck with another --data-dir.", e);
            }
            throw new DatabaseException("Could not open the database " + path + ": " + e.getMessage()
                    + ". Check that the file is readable and writable by you and not damaged,"
                    + " or start Driftdeck with another --data-dir.", e);
        }
        restrictToOwner(Path.of(path + ".mv.db"), OWNER_ONLY_FILE);
        boolean readOnly = isReadOnly(first, path);
        if (readOnly) {
            log.warn("Opened database {} read-only: its file or directory cannot be written", path);
        } else {
            log.info("Opened database {}", path);
        }
        return new Database(new DatabaseLocation.H2File(path), Dialect.H2, pool, () -> closeH2(path, first, pool),
                readOnly);
    }

    /** Where this database is; its {@code toString()} is what messages name (never with a password). */
    public DatabaseLocation location() {
        return location;
    }

    /** True for a shared PostgreSQL database, false for the embedded H2 file. */
    public boolean shared() {
        return dialect == Dialect.POSTGRESQL;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * The H2 database path without the {@code .mv.db} suffix, as the user names it.
     *
     * @throws IllegalStateException for a PostgreSQL database, which has no path: use {@link #location()}
     */
    public Path path() {
        return h2().path();
    }

    /** The H2 file itself, for size reports; {@link #path()}'s rule for PostgreSQL. */
    public Path file() {
        return h2().file();
    }

    private DatabaseLocation.H2File h2() {
        if (location instanceof DatabaseLocation.H2File h2) {
            return h2;
        }
        throw new IllegalStateException("The database " + location + " is PostgreSQL, not an H2 file");
    }

    /** The server's product and version ({@code PostgreSQL 15.18}, {@code H2 2.3.232}), for the About dialog. */
    public String product() {
        try (Connection connection = connection()) {
            java.sql.DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseMajorVersion() + "."
                    + meta.getDatabaseMinorVersion();
        } catch (SQLException e) {
            throw new DatabaseException("Could not ask " + location + " for its version: " + e.getMessage()
                    + ". Check that the server is up and reachable.", e);
        }
    }

    /** Connections (pooled for H2, each a new session for PostgreSQL); close each one you borrow. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Borrows a connection; the caller closes it. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Work on a borrowed connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on a borrowed connection: committed when it returns, rolled back when it
     * throws anything (turning auto-commit back on would otherwise commit what was half done).
     */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * {@link #inTransaction} for a write only the leader may make: in a view {@link #fencedBy fenced} by a leadership
     * term, the transaction starts by checking the term (its lock connection alive, the database's epoch still its
     * own) and throws {@link LeaderFencedException}, storing nothing, when it does not hold.
     */
    public <T> T inLeaderTransaction(SqlWork<T> work) throws SQLException {
        return inTransaction(connection -> {
            term.check(connection);
            return work.run(connection);
        });
    }

    @Override
    public void close() {
        closer.run();
        log.info("Closed database {}", location);
    }

    private static void closeH2(Path path, Connection lockHolder, JdbcConnectionPool pool) {
        try {
            lockHolder.close();
        } catch (SQLException e) {
            log.warn("Closing the lock-holding connection of {} failed", path, e);
        }
        pool.dispose();
    }

    private static boolean isReadOnly(Connection connection, Path path) {
        try {
            return connection.isReadOnly();
        } catch (SQLException e) {
            log.warn("Could not ask whether {} is read-only; assuming it is writable", path, e);
            return false;
        }
    }

    private static boolean isLockedByAnotherProcess(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
            String message = t.getMessage();
            // The MVStore lock can surface without the 90020 wrapper depending on where it is detected.
            if (message != null && (message.contains("Locked by another process")
                    || message.contains("The file is locked"))) {
                return true;
            }
        }
        return false;
    }

    private static void createPrivateParentDirectory(Path path) {
        Path parent = path.getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new DatabaseException("Could not create the data directory " + parent + ": " + e
                    + ". Create it yourself or start Driftdeck with another --data-dir.", e);
        }
        restrictToOwner(parent, OWNER_ONLY_DIR);
    }

    private static void restrictToOwner(Path file, Set<PosixFilePermission> permissions) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix") || !Files.exists(file)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, permissions);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Could not restrict {} to its owner ({}); other local users may be able to read it", file, e.toString());
        }
    }
}
