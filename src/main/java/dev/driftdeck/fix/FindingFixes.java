package dev.driftdeck.fix;

import dev.driftdeck.remediation.ImportFile;

import dev.driftdeck.drift.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every remediation snippet for one finding, in the order an operator weighs them. */
public final class FindingFixes {

    /** The action of an unmanaged finding's import block. */
    public static final String IMPORT = "Import";

    private FindingFixes() {
    }

    /**
     * CHANGED: accept in code, revert in AWS; MISSING: recreate, forget; UNMANAGED: the import block. Empty for findings without drift or without
     * the address the snippets need.
     */
    public static List<FixSnippet> of(Finding finding) {
        List<FixSnippet> snippets = new ArrayList<>();
        switch (finding.status()) {
            case CHANGED -> {
                if (finding.address() == null) {
                    break;
                }
                String accept = AcceptInCode.hcl(finding);
                if (!accept.isEmpty()) {
                    snippets.add(new FixSnippet("Accept in code", FixSnippet.HCL, accept));
                }
                snippets.add(new FixSnippet("Revert in AWS", FixSnippet.SHELL, revert(finding)));
            }
            case MISSING -> {
                if (finding.address() == null) {
                    break;
                }
                snippets.add(new FixSnippet("Recreate", FixSnippet.SHELL,
                        "# Terraform creates it again as the configuration says\n"
                                + MissingActions.recreate(finding.address())));
                snippets.add(MissingActions.forget(finding.address()));
            }
            case UNMANAGED -> {
                String block = ImportFile.block(finding);
                if (!block.isEmpty()) {
                    snippets.add(new FixSnippet(IMPORT, FixSnippet.HCL, block.startsWith("#") ? block
                            : "# In the configuration that should manage it; then: " + ImportFile.GENERATE_COMMAND
                            + "\n" + block));
                }
            }
            default -> {
            }
        }
        return snippets;
    }

    private static String revert(Finding finding) {
        String text = "# Terraform writes the state's values back\n" + RevertInAws.terraformApply(finding);
        Optional<String> cli = RevertInAws.awsCli(finding);
        return cli.map(commands -> text + "\n\n# or directly with the AWS CLI (restores the state's values)\n" + commands)
                .orElse(text);
    }
}
