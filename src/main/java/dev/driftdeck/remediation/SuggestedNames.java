package dev.driftdeck.remediation;

import dev.driftdeck.drift.LiveResource;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Terraform resource name for an object nobody named in code yet: its {@code Name} tag, else its {@code name}
 * attribute, else its id (an ARN or a path by its last part), as lower-case snake case, never starting with a digit.
 */
public final class SuggestedNames {

    private static final Pattern NOT_NAME = Pattern.compile("[^a-z0-9_]+");
    private static final int MAX_LENGTH = 64;

    private SuggestedNames() {
    }

    public static String of(LiveResource live) {
        String text = nameTag(live.attributes().get("tags"));
        if (text == null && live.attributes().get("name") instanceof String name && !name.isBlank()) {
            text = name;
        }
        return sanitise(text != null ? text : lastPart(live.id()));
    }

    /** A name from the id alone (a finding stored before import targets existed). */
    public static String ofId(String id) {
        return sanitise(lastPart(id));
    }

    /** Letters, digits and {@code _}, lower case; {@code r_} in front of a leading digit; "resource" when empty. */
    public static String sanitise(String text) {
        String name = NOT_NAME.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT)).replaceAll("_")
                .replaceAll("^_+|_+$", "");
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH).replaceAll("_+$", "");
        }
        if (name.isEmpty()) {
            return "resource";
        }
        return Character.isDigit(name.charAt(0)) ? "r_" + name : name;
    }

    private static String nameTag(Object tags) {
        if (tags instanceof Map<?, ?> map && map.get("Name") instanceof String name && !name.isBlank()) {
            return name;
        }
        return null;
    }

    /** {@code arn:aws:iam::1:role/app/deployer} reads as {@code deployer}; a plain id stays whole. */
    private static String lastPart(String id) {
        if (id == null || !id.startsWith("arn:")) {
            return id;
        }
        int cut = Math.max(id.lastIndexOf('/'), id.lastIndexOf(':'));
        return cut < id.length() - 1 ? id.substring(cut + 1) : id;
    }
}
