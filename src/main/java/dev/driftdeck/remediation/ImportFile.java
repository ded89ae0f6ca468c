package dev.driftdeck.remediation;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.ImportTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code import.tf}: one {@code import { to = ..., id = "..." }} block per selected unmanaged finding, grouped by
 * account and region, for {@code terraform plan -generate-config-out=generated.tf} to write their configuration.
 * Addresses are unique within the file ({@code _2}, {@code _3}...). Types Terraform cannot import are listed at the
 * end as comments with the reason, so the file says what it left out.
 */
public final class ImportFile {

    public static final String GENERATE_COMMAND = "terraform plan -generate-config-out=generated.tf";

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> Objects.toString(f.account(), ""))
            .thenComparing(f -> Objects.toString(f.region(), ""))
            .thenComparing(Finding::type)
            .thenComparing(Finding::id);

    private ImportFile() {
    }

    /** One block for a single finding (the detail pane), with its suggested address; empty if not UNMANAGED. */
    public static String block(Finding f) {
        if (!ImportSelection.ALL.selects(f)) {
            return "";
        }
        ImportTarget target = targetOf(f);
        String address = f.type() + "." + target.name();
        return target.importable() ? block(address, target.id(), null) : refusal(address, f, target);
    }

    /** The whole file as text (the console's export writes it through {@code ExportFormat.writeAtomically}). */
    public static String text(List<Finding> findings, String scanName, ImportSelection selection) {
        StringWriter out = new StringWriter();
        try {
            write(findings, scanName, selection, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter never throws
        }
        return out.toString();
    }

    /**
     * Writes the file for the findings {@code selection} selects.
     *
     * @param scanName how the header names the scan, e.g. "scan 12 (finished 2026-12-06T21:00:00Z)"
     * @return how many import blocks it wrote
     */
    public static int write(List<Finding> findings, String scanName, ImportSelection selection, Writer out)
            throws IOException {
        List<Finding> selected = findings.stream().filter(selection::selects).sorted(ORDER).toList();
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        selected.forEach(f -> groups.computeIfAbsent(groupOf(f), key -> new ArrayList<>()).add(f));
        long importable = selected.stream().filter(f -> targetOf(f).importable()).count();
        header(out, scanName, selection, importable, selected.size() - importable);
        boolean hint = needsProviders(selected);
        Map<String, Integer> taken = new HashMap<>();
        List<String> refused = new ArrayList<>();
        int written = 0;
        for (Map.Entry<String, List<Finding>> group : groups.entrySet()) {
            Finding first = group.getValue().getFirst();
            out.write("\n# account " + Objects.toString(first.account(), "unknown") + ", region "
                    + Objects.toString(first.region(), "unknown") + "\n");
            String provider = hint ? "aws." + providerAlias(first) : null;
            if (hint) {
                out.write("# This file spans several accounts or regions: give each group its provider, e.g.\n"
                        + "# provider \"aws\" { alias = \"" + providerAlias(first) + "\" ... }, and uncomment the"
                        + " provider line of its blocks.\n");
            }
            for (Finding f : group.getValue()) {
                ImportTarget target = targetOf(f);
                String address = f.type() + "." + unique(taken, f.type() + "." + target.name());
                if (target.importable()) {
                    out.write(block(address, target.id(), provider));
                    written++;
                } else {
                    refused.add(refusal(address, f, target));
                }
            }
        }
        if (!refused.isEmpty()) {
            out.write("\n# Terraform cannot import these; they are left out:\n");
            for (String line : refused) {
                out.write(line);
            }
        }
        out.flush();
        return written;
    }

    private static void header(Writer out, String scanName, ImportSelection selection, long importable, long refused)
            throws IOException {
        out.write("# Unmanaged resources of Driftdeck " + scanName + ": " + importable + " import block(s)");
        out.write(refused == 0 ? ".\n" : ", " + refused + " not importable (listed at the end).\n");
        String filters = selection.describe();
        if (!filters.isEmpty()) {
            out.write("# Selected: " + filters + ".\n");
        }
        out.write("# Put this file in an empty configuration with the aws provider, then let Terraform write the\n"
                + "# resource blocks (generated.tf must not exist yet), review them, and apply:\n"
                + "#   " + GENERATE_COMMAND + "\n"
                + "#   terraform apply\n"
                + "# Generated configuration is experimental in Terraform; see docs/remediation.md for the types\n"
                + "# whose generated arguments conflict and what to remove.\n");
    }

    private static String block(String address, String id, String provider) {
        return "import {\n"
                + "  to = " + address + "\n"
                + "  id = " + Hcl.quoted(id) + "\n"
                + (provider == null ? "" : "  # provider = " + provider + "\n")
                + "}\n";
    }

    private static String refusal(String address, Finding f, ImportTarget target) {
        return "# " + address + " (" + f.id().replace('\n', ' ') + "): " + target.refusal() + "\n";
    }

    /** The finding's import target; a scan stored before Driftdeck worked them out imports by its id. */
    static ImportTarget targetOf(Finding f) {
        return f.importTarget() != null ? f.importTarget()
                : ImportTarget.importable(f.id(), SuggestedNames.ofId(f.id()));
    }

    /**
     * Whether the blocks need providers of their own: several accounts, or several regions. Global resources (IAM,
     * Route 53...) import with the provider of their account's one region, so they alone do not make a second.
     */
    private static boolean needsProviders(List<Finding> selected) {
        long accounts = selected.stream().map(f -> Objects.toString(f.account(), "")).distinct().count();
        long regions = selected.stream().map(Finding::region).filter(r -> r != null && !r.equals("global"))
                .distinct().count();
        return accounts > 1 || regions > 1;
    }

    private static String groupOf(Finding f) {
        return f.account() + "\u0000" + f.region();
    }

    /** {@code account_123456789012_eu_west_1}; global types need no region. */
    static String providerAlias(Finding f) {
        String region = f.region() == null || f.region().equals("global") ? "" : "_" + f.region();
        return SuggestedNames.sanitise("account_" + Objects.toString(f.account(), "unknown") + region);
    }

    private static String unique(Map<String, Integer> taken, String address) {
        int seen = taken.merge(address, 1, Integer::sum);
        if (seen == 1) {
            return address.substring(address.indexOf('.') + 1);
        }
        String candidate = address + "_" + seen;
        while (taken.containsKey(candidate)) {
            candidate = address + "_" + taken.merge(address, 1, Integer::sum);
        }
        taken.put(candidate, 1);
        return candidate.substring(candidate.indexOf('.') + 1);
    }
}
