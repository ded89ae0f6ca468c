package dev.driftdeck.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections to a PostgreSQL database: a data source (each borrow is a session of its own, see DECISIONS "One
 * store, two databases") checked by one connection at open, so a wrong host, database, user or password is reported
 * at once in words that name the database and the fix. The password is handed to the driver only as a property,
 * never in the URL, so it cannot reach a log line or a message.
 */
record PostgresConnections(DataSource dataSource, boolean readOnly) {

    private static final Logger log = LoggerFactory.getLogger(PostgresConnections.class);

    static PostgresConnections open(DatabaseLocation.Postgres location, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(location.jdbcUrl());
        if (password != null && !password.isEmpty()) {
            source.setPassword(password);
        }
        if (!location.parameters().containsKey("ApplicationName")) {
            source.setApplicationName("driftdeck");
        }
        if (!location.parameters().containsKey("reWriteBatchedInserts")) {
            // A scan's findings go in JDBC batches; rewritten into multi-row INSERTs they cost one round trip per
            // hundred rows instead of one each (PersistBench: 100,000 findings).
            source.setReWriteBatchedInserts(true);
        }
        if (!location.parameters().containsKey("tcpKeepAlive")) {
            source.setTcpKeepAlive(true);
        }
        try (Connection first = source.getConnection(); Statement sql = first.createStatement();
             ResultSet row = sql.executeQuery("SELECT pg_is_in_recovery()"
                     + " OR current_setting('default_transaction_read_only') = 'on'")) {
            boolean readOnly = row.next() && row.getBoolean(1);
            if (readOnly) {
                log.warn("Opened database {} read-only: the server is a standby or refuses writes", location);
            } else {
                log.info("Opened database {}", location);
            }
            return new PostgresConnections(source, readOnly);
        } catch (SQLException e) {
            throw new DatabaseException(describe(location, password != null && !password.isEmpty(), e), e);
        }
    }

    private static String describe(DatabaseLocation.Postgres location, boolean passwordGiven, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String user = location.user() == null ? "your OS user name" : "user " + location.user();
        String prefix = "Could not open the database " + location + ": ";
        if (state.equals("28P01") || state.equals("28000") || state.equals("08004")) {
            String given = passwordGiven ? "the password in PGPASSWORD was refused" : "no password was accepted";
            return prefix + "PostgreSQL refused the login of " + user + " (" + given + ": " + e.getMessage()
                    + "). Put the password in the PGPASSWORD environment variable or in ~/.pgpass"
                    + " (a line host:port:database:user:password, file mode 0600), or name another user with ?user=.";
        }
        if (state.equals("3D000")) {
            return prefix + "the server has no database '" + location.database() + "'. Create it (createdb "
                    + location.database() + ") or correct the URL.";
        }
        if (state.startsWith("08")) {
            return prefix + "the server at " + location.hosts() + " cannot be reached (" + e.getMessage()
                    + "). Check the host and port, that PostgreSQL is running and accepts TCP connections"
                    + " (listen_addresses, pg_hba.conf).";
        }
        return prefix + e.getMessage() + ". Check the URL and that " + user + " may connect to it.";
    }
}
