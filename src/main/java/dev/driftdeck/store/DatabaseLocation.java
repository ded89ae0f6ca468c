package dev.driftdeck.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the store lives: an embedded H2 file (one person, the default) or a PostgreSQL database (a team). Parsed from
 * what an operator types after {@code --db}; {@link #toString()} is what every message names, and never holds a
 * password (a value carrying one is refused: passwords come from {@code PGPASSWORD} or {@code ~/.pgpass} only).
 */
public sealed interface DatabaseLocation {

    String ACCEPTED = "a file path (the H2 database, without .mv.db), postgresql://host[:port]/database?user=NAME"
            + " or jdbc:postgresql://host[:port]/database?user=NAME";

    /** Something shaped like a URL scheme: two or more characters then ':' (one letter is a Windows drive). */
    Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):(.*)$", Pattern.DOTALL);

    /**
     * Reads a {@code --db} value.
     *
     * @throws IllegalArgumentException naming the value (its password masked) and the accepted forms, for a URL
     *                                  of another scheme or a malformed PostgreSQL URL
     */
    static DatabaseLocation parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The database location is empty. Give " + ACCEPTED + ".");
        }
        String trimmed = value.strip();
        Matcher scheme = SCHEME.matcher(trimmed);
        if (!scheme.matches()) {
            return new H2File(Path.of(trimmed).toAbsolutePath().normalize());
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        String rest = scheme.group(2);
        if (name.equals("jdbc") && rest.toLowerCase(Locale.ROOT).startsWith("postgresql:")) {
            return Postgres.parse(trimmed, rest.substring("postgresql:".length()));
        }
        if (name.equals("postgresql") || name.equals("postgres")) {
            return Postgres.parse(trimmed, rest);
        }
        throw new IllegalArgumentException("The database location '" + Postgres.mask(trimmed) + "' is neither a file"
                + " path nor a PostgreSQL URL. Give " + ACCEPTED + ".");
    }

    /** The embedded H2 database {@code <path>.mv.db}; {@code path} is absolute and has no suffix. */
    record H2File(Path path) implements DatabaseLocation {

        /** The H2 file itself. */
        public Path file() {
            return Path.of(path + ".mv.db");
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /**
     * A PostgreSQL database. {@code hosts} is the URL's authority without any user part ({@code host:5432}, or a
     * comma-separated list the driver tries in turn); {@code parameters} are the URL's query parameters, with the
     * user of a {@code user@host} URL moved into {@code user}. Neither ever holds a password.
     */
    record Postgres(String hosts, String database, Map<String, String> parameters) implements DatabaseLocation {

        private static final Pattern PASSWORD_IN_USER_INFO = Pattern.compile("(//[^/@?]*?:)[^/@?]*@");
        private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&]*");

        public Postgres {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters)); // in the order written
        }

        /** The user the URL names, or null (then the driver's default: the OS user). */
        public String user() {
            return parameters.get("user");
        }

        /** The JDBC URL to connect with: no password, and only parameters the operator gave. */
        public String jdbcUrl() {
            StringBuilder url = new StringBuilder("jdbc:postgresql://").append(hosts).append('/').append(database);
            char separator = '?';
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                url.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
                separator = '&';
            }
            return url.toString();
        }

        @Override
        public String toString() {
            StringBuilder url = new StringBuilder("postgresql://").append(hosts).append('/').append(database);
            if (user() != null) {
                url.append("?user=").append(user());
            }
            return url.toString();
        }

        /** {@code value} with any password in it replaced by {@code ***}, for messages about a refused value. */
        static String mask(String value) {
            String masked = PASSWORD_IN_USER_INFO.matcher(value).replaceAll("$1***@");
            return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1***");
        }

        /** {@code afterScheme} is what follows {@code postgresql:}, expected to start with {@code //}. */
        static Postgres parse(String value, String afterScheme) {
            String shown = mask(value);
            if (!afterScheme.startsWith("//")) {
                throw refused(shown, "a PostgreSQL URL starts with postgresql:// (or jdbc:postgresql://)");
            }
            String rest = afterScheme.substring(2);
            String query = "";
            int questionMark = rest.indexOf('?');
            if (questionMark >= 0) {
                query = rest.substring(questionMark + 1);
                rest = rest.substring(0, questionMark);
            }
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            String database = slash < 0 ? "" : decode(rest.substring(slash + 1));
            Map<String, String> parameters = new LinkedHashMap<>();
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = authority.substring(0, at);
                authority = authority.substring(at + 1);
                if (userInfo.contains(":")) {
                    throw passwordRefused(shown);
                }
                if (!userInfo.isEmpty()) {
                    parameters.put("user", decode(userInfo));
                }
            }
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                String parameterValue = equals < 0 ? "" : pair.substring(equals + 1);
                if (key.equalsIgnoreCase("password")) {
                    throw passwordRefused(shown);
                }
                parameters.put(key, parameterValue);
            }
            if (authority.isEmpty()) {
                throw refused(shown, "it names no host: write postgresql://HOST[:PORT]/DATABASE?user=NAME");
            }
            if (database.isEmpty() || database.contains("/")) {
                throw refused(shown, "it names no database (or more than one path segment): write"
                        + " postgresql://HOST[:PORT]/DATABASE?user=NAME");
            }
            return new Postgres(authority, database, parameters);
        }

        private static IllegalArgumentException passwordRefused(String shown) {
            return refused(shown, "Driftdeck never takes a password on the command line or in its settings;"
                    + " remove it from the URL and put it in the PGPASSWORD environment variable or in ~/.pgpass");
        }

        private static IllegalArgumentException refused(String shown, String why) {
            return new IllegalArgumentException("The database URL '" + shown + "' is not usable: " + why + ".");
        }

        private static String decode(String part) {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
