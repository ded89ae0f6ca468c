package dev.driftdeck.fix;

/**
 * One copy-ready remediation step for a finding, shown to the operator and never run by Driftdeck.
 *
 * @param action   what it does, as the operator chooses it ("Accept in code", "Revert in AWS"...)
 * @param language how the text is read: {@code hcl} for configuration, {@code sh} for a command
 * @param text     the snippet itself
 */
public record FixSnippet(String action, String language, String text) {

    public static final String HCL = "hcl";
    public static final String SHELL = "sh";
}
