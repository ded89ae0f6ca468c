package dev.driftdeck.attribution;

import java.util.Locale;

/** How a change reached AWS, read from the event's user agent, its {@code invokedBy} and the identity type. */
public enum Via {
    CONSOLE("console"),
    CLI("cli"),
    TERRAFORM("terraform"),
    SDK("sdk"),
    AWS_SERVICE("aws-service");

    private final String label;

    Via(String label) {
        this.label = label;
    }

    /** The word the reports and the console use: {@code console}, {@code aws-service}... */
    public String label() {
        return label;
    }

    public static Via ofLabel(String label) {
        for (Via via : values()) {
            if (via.label.equals(label)) {
                return via;
            }
        }
        throw new IllegalArgumentException("Not a via: " + label);
    }

    /**
     * Terraform first: its AWS provider's agent is {@code APN/1.0 HashiCorp/1.0 Terraform/<v> ... terraform-provider-aws/<v>}
     * and may carry an SDK's name too. The console calls as {@code console.amazonaws.com},
     * {@code signin.amazonaws.com}, {@code console.ec2.amazonaws.com} or a browser agent. A service acting for the
     * caller sets {@code invokedBy} (or is the identity itself). The CLI says {@code aws-cli/<v>}; anything else
     * with an agent is an SDK or a tool built on one.
     */
    public static Via of(String userAgent, String invokedBy, String identityType) {
        String agent = userAgent == null ? "" : userAgent.strip();
        String lower = agent.toLowerCase(Locale.ROOT);
        if (lower.contains("terraform/") || lower.contains("terraform-provider-aws")) {
            return TERRAFORM;
        }
        if (lower.startsWith("console.") || lower.contains("console.amazonaws.com")
                || lower.startsWith("signin.amazonaws.com") || lower.startsWith("mozilla/")) {
            return CONSOLE;
        }
        if ((invokedBy != null && !invokedBy.isBlank()) || "AWSService".equals(identityType)
                || lower.endsWith(".amazonaws.com") || lower.equals("aws internal")) {
            return AWS_SERVICE;
        }
        if (lower.startsWith("aws-cli/") || lower.contains(" aws-cli/")) {
            return CLI;
        }
        return SDK;
    }
}
