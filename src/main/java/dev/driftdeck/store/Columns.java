package dev.driftdeck.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Conversions between Java values and the column types of the schema, in one place. */
final class Columns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };

    private Columns() {
    }

    /**
     * Stores {@code value} to the microsecond, PostgreSQL's precision, on both databases: truncated here (PostgreSQL
     * itself would round, so a value read back could be later than the one written) and the same on H2, so what
     * comes back never depends on which database holds it.
     */
    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static Long getLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static String toJson(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings could not be written as JSON", e);
        }
    }

    static List<String> fromJson(String json, String where) {
        try {
            return List.copyOf(JSON.readValue(json, STRING_LIST));
        } catch (JsonProcessingException e) {
            throw new DatabaseException("Stored value in " + where + " is not a JSON list of strings: " + json
                    + ". The database was changed outside Driftdeck.", e);
        }
    }
}
