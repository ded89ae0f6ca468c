package dev.driftdeck.fix;

import dev.driftdeck.remediation.FindingSelection;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.meaning.ChangeLine;
import dev.driftdeck.meaning.ChangeSummaries;
import dev.driftdeck.risk.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One Markdown document with every remediation action of a scan: grouped by status (changed, missing, unmanaged),
 * then by account and region, worst severity first; each finding with its summary and its copy-ready snippets.
 * Nothing in it is run by Driftdeck.
 */
public final class FixPlanWriter {

    private static final List<FindingStatus> STATUSES =
            List.of(FindingStatus.CHANGED, FindingStatus.MISSING, FindingStatus.UNMANAGED);
    private static final Comparator<Finding> WORST_FIRST = Comparator
            .comparing((Finding f) -> f.severity() == null ? Severity.INFO.ordinal() + 1 : f.severity().ordinal())
            .thenComparing(FixPlanWriter::name);

    private final Function<Finding, List<FixSnippet>> snippets;

    /** A writer with the snippets of {@link FindingFixes}. */
    public FixPlanWriter() {
        this(FindingFixes::of);
    }

    /** A writer taking each finding's snippets from {@code snippets}. */
    public FixPlanWriter(Function<Finding, List<FixSnippet>> snippets) {
        this.snippets = snippets;
    }

    /** Writes the plan for the findings of {@code report} that {@code selection} keeps. */
    public void write(ScanReport report, FindingSelection selection, Writer out) throws IOException {
        out.write("# Driftdeck fix plan\n\n");
        out.write("Scan finished " + report.finishedAt()
                + (selection.isEverything() ? "" : " (selected: " + selection.describe() + ")") + ". Nothing here has been run: "
                + "review each snippet, then apply it yourself.\n");
        boolean any = false;
        for (FindingStatus status : STATUSES) {
            List<Finding> findings = report.findings().stream()
                    .filter(f -> f.status() == status && selection.matches(f)).toList();
            if (findings.isEmpty()) {
                continue;
            }
            any = true;
            out.write("\n## " + heading(status) + " (" + findings.size() + ")\n");
            if (status == FindingStatus.UNMANAGED) {
                out.write("\nEach block suggests an address of its own; `driftdeck export --output import-tf` writes them all"
                        + " into one import.tf with unique addresses.\n");
            }
            Map<String, List<Finding>> byPlace = new TreeMap<>();
            findings.forEach(f -> byPlace.computeIfAbsent(place(f), k -> new java.util.ArrayList<>()).add(f));
            for (Map.Entry<String, List<Finding>> place : byPlace.entrySet()) {
                out.write("\n### " + place.getKey() + "\n");
                for (Finding finding : place.getValue().stream().sorted(WORST_FIRST).toList()) {
                    finding(finding, out);
                }
            }
        }
        if (!any) {
            out.write("\nNo drift to fix" + (selection.isEverything() ? "" : " among the selected findings") + ".\n");
        }
        out.flush();
    }

    private void finding(Finding finding, Writer out) throws IOException {
        String severity = finding.severity() == null ? "" : finding.severity().label() + " · ";
        out.write("\n#### " + severity + name(finding) + "\n\n");
        for (String line : summary(finding)) {
            out.write("- " + line + "\n");
        }
        List<FixSnippet> fixes = snippets.apply(finding);
        if (fixes.isEmpty()) {
            out.write("\nNo snippet for this one: " + (finding.address() == null
                    ? "the finding has no Terraform address." : "fix it by hand.") + "\n");
        }
        for (FixSnippet fix : fixes) {
            out.write("\n**" + fix.action() + "**\n\n");
            String fence = fence(fix.text());
            out.write(fence + fix.language() + "\n" + fix.text() + (fix.text().endsWith("\n") ? "" : "\n") + fence + "\n");
        }
    }

    private static List<String> summary(Finding finding) {
        return switch (finding.status()) {
            case CHANGED -> finding.diffs().stream().flatMap(diff -> lines(finding.type(), diff).stream()).toList();
            case MISSING -> List.of("in the state (" + Objects.requireNonNullElse(finding.source(), "?")
                    + "), deleted from AWS: " + finding.type() + " " + finding.id());
            case UNMANAGED -> List.of("in AWS, in no state: " + finding.type() + " " + finding.id());
            default -> List.of();
        };
    }

    private static List<String> lines(String type, AttributeDiff diff) {
        return ChangeSummaries.of(type, diff).lines().stream()
                .map(ChangeLine::marked).toList();
    }

    /** A code fence longer than any run of backticks in the text, so a snippet never ends its own block. */
    private static String fence(String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    private static String heading(FindingStatus status) {
        return switch (status) {
            case CHANGED -> "Changed: accept in code or revert in AWS";
            case MISSING -> "Missing: recreate or forget";
            case UNMANAGED -> "Unmanaged: import";
            default -> status.name();
        };
    }

    private static String place(Finding finding) {
        return "Account " + Objects.requireNonNullElse(finding.account(), "unknown") + " · "
                + Objects.requireNonNullElse(finding.region(), "unknown region");
    }

    private static String name(Finding finding) {
        return finding.address() != null ? finding.address() : finding.type() + " " + finding.id();
    }

}
