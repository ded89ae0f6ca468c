package dev.driftdeck.ui.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks the settings form before anything is saved; each problem is a sentence the dialog shows. */
public final class SettingsValidator {

    /** us-east-1, eu-central-2, ap-southeast-4, us-gov-west-1, cn-north-1, us-isob-east-1... */
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}$");

    private SettingsValidator() {
    }

    public static boolean looksLikeRegion(String region) {
        return REGION.matcher(region).matches();
    }

    /** Problems in the raw form fields, in field order; empty when the form can be saved. */
    public static List<String> validate(List<String> regions, String endpointUrl, String intervalText) {
        List<String> problems = new ArrayList<>();
        for (String region : regions) {
            if (!looksLikeRegion(region)) {
                problems.add("'" + region + "' does not look like an AWS region (e.g. eu-west-1)");
            }
        }
        if (!endpointUrl.isBlank() && !isHttpUrl(endpointUrl)) {
            problems.add("Endpoint '" + endpointUrl + "' must be an http:// or https:// URL");
        }
        Integer interval = parseInterval(intervalText);
        if (interval == null) {
            problems.add("Scan interval must be a whole number of minutes");
        } else if (interval < 1) {
            problems.add("Scan interval must be at least 1 minute");
        }
        return problems;
    }

    /** The interval as a number, or null when it is not one. */
    static Integer parseInterval(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
