package dev.driftdeck.ui.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;
import java.util.regex.Pattern;

/** How attribute paths and values read in the detail pane. */
public final class ValueText {

    static final String ABSENT = "—";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern INDEX = Pattern.compile("\\d+");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_\\-:/@*]+");

    private ValueText() {
    }

    /**
     * A path as Terraform writes it: list indexes in brackets, odd map keys quoted:
     * {@code ingress[2].cidr_blocks}, {@code tags["team.name"]}.
     */
    public static String path(List<String> segments) {
        StringBuilder text = new StringBuilder();
        for (String segment : segments) {
            if (INDEX.matcher(segment).matches() && !text.isEmpty()) {
                text.append('[').append(segment).append(']');
            } else if (!PLAIN.matcher(segment).matches() && !text.isEmpty()) {
                text.append("[\"").append(segment.replace("\"", "\\\"")).append("\"]");
            } else {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(segment);
            }
        }
        return text.toString();
    }

    /**
     * A value (canonical JSON text) for reading: objects and arrays pretty-printed, a string holding a JSON document
     * (policy documents are stored that way) decoded and pretty-printed, other strings without their quotes.
     * "(sensitive)" stays as is, an absent value is a dash.
     */
    public static String pretty(String value) {
        if (value == null) {
            return ABSENT;
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return value;
        }
        if (node == null) {
            return value;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            String trimmed = text.strip();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    return JSON.writeValueAsString(JSON.readTree(trimmed));
                } catch (JsonProcessingException notJson) {
                    return text;
                }
            }
            return text;
        }
        if (node.isContainerNode()) {
            try {
                return JSON.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                return value;
            }
        }
        return value;
    }
}
