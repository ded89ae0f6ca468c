package dev.driftdeck.notify;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.meaning.ChangeSummaries;
import dev.driftdeck.meaning.ChangeLine;
import dev.driftdeck.risk.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * One drifted resource as every channel names it.
 *
 * @param resource  the Terraform address when managed, else type and id
 * @param type      resource type
 * @param id        resource id
 * @param status    CHANGED, MISSING or UNMANAGED
 * @param account   AWS account, or null
 * @param region    region, or null
 * @param severity  how much it matters, or null
 * @param changes   what changed, one line each ("ingress added: tcp 22 from 0.0.0.0/0")
 * @param changedBy who changed it ("alice via console"), or null when unknown: rendered only when present
 */
public record DriftItem(String resource, String type, String id, FindingStatus status, String account, String region,
                        Severity severity, List<String> changes, String changedBy) {

    public DriftItem {
        changes = List.copyOf(changes);
    }

    /** The item with who changed it when CloudTrail named someone ("alice via console"). */
    public static DriftItem of(Finding finding) {
        return of(finding, finding.changedBy().who());
    }

    /** {@code changedBy}: the actor behind the drift when CloudTrail named one, else null. */
    public static DriftItem of(Finding finding, String changedBy) {
        String resource = finding.address() != null ? finding.address() : finding.type() + " " + finding.id();
        return new DriftItem(resource, finding.type(), finding.id(), finding.status(), finding.account(),
                finding.region(), finding.severity(), changes(finding), changedBy);
    }

    private static List<String> changes(Finding finding) {
        return switch (finding.status()) {
            case MISSING -> List.of("deleted outside Terraform (in state, not in AWS)");
            case UNMANAGED -> List.of("created outside Terraform (in AWS, in no state)");
            default -> {
                List<String> lines = new ArrayList<>();
                for (AttributeDiff diff : finding.diffs()) {
                    for (ChangeLine line : ChangeSummaries.of(finding.type(), diff).lines()) {
                        lines.add(line.text());
                    }
                }
                yield lines;
            }
        };
    }

    /** "123456789012 / eu-west-1", or what is known of it; empty when neither is. */
    public String where() {
        if (account == null && region == null) {
            return "";
        }
        if (account == null || region == null) {
            return account != null ? account : region;
        }
        return account + " / " + region;
    }

    /** "Changed", "Missing", "Unmanaged". */
    public String statusLabel() {
        String name = status.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The changes as one sentence, {@code "; "} between lines. */
    public String summary() {
        return String.join("; ", changes);
    }
}
