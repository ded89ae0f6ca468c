package dev.driftdeck.aws.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.driftdeck.aws.ProviderArguments;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code terraform plan -refresh-only} and a Driftdeck scan each call drift, in one shape to compare: by address,
 * the top-level attributes that changed ({@code tags_all} counts as {@code tags}, the attribute Driftdeck compares it
 * as), or {@code (deleted)} for an object gone from AWS. Refresh-only's computed-only attributes are left out: no one
 * configures them, so they are AWS's, not drift ({@code aws_iam_policy.attachment_count} after a detach, which
 * Driftdeck reports as the missing attachment).
 */
final class RefreshOnly {

    static final String DELETED = "(deleted)";
    private static final Pattern ALSO_ON = Pattern.compile("also reports this change on (\\S+) \\((\\w+)\\)$");

    private RefreshOnly() {
    }

    /** From {@code terraform show -json} of a refresh-only plan: its {@code resource_drift}. */
    static Map<String, TreeSet<String>> terraform(String planJson) throws Exception {
        Map<String, TreeSet<String>> drift = new TreeMap<>();
        for (JsonNode entry : JsonMapper.builder().build().readTree(planJson).path("resource_drift")) {
            if (!"managed".equals(entry.path("mode").asText())) {
                continue;
            }
            String address = entry.path("address").asText();
            Map<String, ProviderArguments.Kind> schema = ProviderArguments.get().attributes(entry.path("type").asText());
            JsonNode change = entry.path("change");
            JsonNode after = change.path("after");
            TreeSet<String> attributes = new TreeSet<>();
            if (after.isNull() || after.isMissingNode()) {
                attributes.add(DELETED);
            } else {
                JsonNode before = change.path("before");
                for (Iterator<String> names = after.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!after.get(name).equals(before.get(name)) && schema.get(name) != ProviderArguments.Kind.COMPUTED) {
                        attributes.add(name.equals("tags_all") ? "tags" : name);
                    }
                }
            }
            if (!attributes.isEmpty()) {
                drift.put(address, attributes);
            }
        }
        return drift;
    }

    /**
     * From a scan: CHANGED findings by their diffs' first path element, MISSING ones as deleted; either adds the
     * parent attribute its note names.
     */
    static Map<String, TreeSet<String>> driftdeck(ScanReport report) {
        Map<String, TreeSet<String>> drift = new TreeMap<>();
        for (Finding finding : report.findings()) {
            if (finding.status() == FindingStatus.CHANGED) {
                TreeSet<String> attributes = drift.computeIfAbsent(finding.address(), address -> new TreeSet<>());
                for (AttributeDiff diff : finding.diffs()) {
                    attributes.add(diff.path().getFirst());
                }
                // the parent's copy that Terraform also refreshes, which Driftdeck names instead of repeating
                Matcher parent = ALSO_ON.matcher(finding.note() == null ? "" : finding.note());
                if (parent.find()) {
                    drift.computeIfAbsent(parent.group(1), address -> new TreeSet<>()).add(parent.group(2));
                }
            } else if (finding.status() == FindingStatus.MISSING) {
                drift.computeIfAbsent(finding.address(), address -> new TreeSet<>()).add(DELETED);
                Matcher parent = ALSO_ON.matcher(finding.note() == null ? "" : finding.note());
                if (parent.find()) {
                    drift.computeIfAbsent(parent.group(1), address -> new TreeSet<>()).add(parent.group(2));
                }
            }
        }
        return drift;
    }
}
