package dev.driftdeck.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one CloudTrail record: the JSON of the trail's log files ({@code Records[]}) and of Event history's
 * {@code CloudTrailEvent} string, which are the same document.
 */
public final class TrailRecords {

    // When a record has no readOnly flag (older records, some services), the verb says it.
    private static final Pattern READ_VERBS = Pattern.compile("^(Describe|List|Get|Lookup|BatchGet|Head|Search|Scan|Query)");

    private TrailRecords() {
    }

    /**
     * The write event of {@code record}, or empty for a read (readOnly, or a read verb), a failed call (it has an
     * {@code errorCode}: it changed nothing) or a record without a name or time.
     */
    public static Optional<ChangeEvent> writeEvent(JsonNode record) {
        String event = text(record, "eventName");
        Instant time = time(text(record, "eventTime"));
        if (event == null || time == null || text(record, "errorCode") != null) {
            return Optional.empty();
        }
        JsonNode readOnly = record.get("readOnly");
        boolean read = readOnly != null && !readOnly.isNull() ? readOnly.asBoolean() : READ_VERBS.matcher(event).find();
        if (read) {
            return Optional.empty();
        }
        JsonNode identity = record.path("userIdentity");
        String type = text(identity, "type");
        String invokedBy = text(identity, "invokedBy");
        String agent = text(record, "userAgent");
        return Optional.of(new ChangeEvent(text(record, "eventID"), principal(identity), name(identity),
                event, time, text(record, "sourceIPAddress"), agent, Via.of(agent, invokedBy, type)));
    }

    /**
     * Whether {@code record} is about the resource CloudTrail names {@code resourceName}: one of its
     * {@code resources[]} (by name or ARN ending in it), or a value of its request parameters or response elements
     * ({@code groupId}, {@code bucketName}, {@code roleName}...). Trail files carry no index as Event history does, so
     * this is the lookup attribute's equivalent for them.
     */
    public static boolean mentions(JsonNode record, String resourceName) {
        for (JsonNode resource : record.path("resources")) {
            String arn = text(resource, "ARN");
            if (resourceName.equals(text(resource, "resourceName")) || resourceName.equals(arn)
                    || (arn != null && (arn.endsWith("/" + resourceName) || arn.endsWith(":" + resourceName)))) {
                return true;
            }
        }
        return holds(record.get("requestParameters"), resourceName) || holds(record.get("responseElements"), resourceName);
    }

    /** The event's time, or null when it has none that parses. */
    public static Instant time(JsonNode record) {
        return time(text(record, "eventTime"));
    }

    private static boolean holds(JsonNode node, String value) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isTextual()) {
            return value.equals(node.asText());
        }
        for (JsonNode child : node) {
            if (holds(child, value)) {
                return true;
            }
        }
        return false;
    }

    private static String principal(JsonNode identity) {
        String arn = text(identity, "arn");
        if (arn != null) {
            return arn;
        }
        String invokedBy = text(identity, "invokedBy");
        return invokedBy != null ? invokedBy : text(identity, "type");
    }

    /** The user name, the role session name (the last part of an assumed-role ARN), root, or the service. */
    private static String name(JsonNode identity) {
        String type = text(identity, "type");
        String userName = text(identity, "userName");
        String arn = text(identity, "arn");
        if ("Root".equals(type)) {
            return "root";
        }
        if (userName != null && !"AssumedRole".equals(type)) {
            return userName;
        }
        if (arn != null && arn.contains("/")) {
            return arn.substring(arn.lastIndexOf('/') + 1);
        }
        String invokedBy = text(identity, "invokedBy");
        if (invokedBy != null) {
            return invokedBy;
        }
        return arn != null ? arn : type == null ? "unknown" : type;
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
