package dev.driftdeck.scan;

/**
 * One AWS identity a scan lists: a profile (SSO profiles included), optionally a role assumed from it.
 *
 * @param profile    AWS profile name, or null for the default credential chain
 * @param roleArn    role to assume before listing, or null
 * @param externalId the external id the role's trust policy demands, or null
 */
public record AccountTarget(String profile, String roleArn, String externalId) {

    public AccountTarget {
        profile = blankToNull(profile);
        roleArn = blankToNull(roleArn);
        externalId = blankToNull(externalId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
