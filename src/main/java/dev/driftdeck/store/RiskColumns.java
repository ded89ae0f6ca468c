package dev.driftdeck.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.risk.Risk;
import dev.driftdeck.risk.Severity;
import java.util.List;

/** The {@code severity} and {@code risks} columns of {@code findings} (V6). */
final class RiskColumns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Risk>> RISKS = new TypeReference<>() { };

    private RiskColumns() {
    }

    static String severity(Severity severity) {
        return severity == null ? null : severity.name();
    }

    /** Null when the finding has no risks (most of them): no text stored for nothing. */
    static String toJson(List<Risk> risks) {
        if (risks.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(risks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The risks of a finding could not be written as JSON", e);
        }
    }

    static List<Risk> fromJson(String json, String where) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, RISKS));
        } catch (JsonProcessingException e) {
            throw new DatabaseException("Stored value in " + where + " is not a JSON list of risks: " + json
                    + ". The database was changed outside Driftdeck.", e);
        }
    }
}
