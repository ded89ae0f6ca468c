package dev.driftdeck.fix;

import dev.driftdeck.remediation.Shell;

import dev.driftdeck.drift.TerraformAddress;

/**
 * What to do with a resource deleted out of band: recreate it ({@code terraform apply -target}), or forget it with a
 * {@code removed} block (Terraform 1.7 and later), which cannot address an instance key, so those get
 * {@code terraform state rm} instead.
 */
public final class MissingActions {

    private MissingActions() {
    }

    /** {@code terraform apply -target='<address>'}: Terraform creates it again as the configuration says. */
    public static String recreate(String address) {
        return "terraform apply -target=" + Shell.quote(address);
    }

    /**
     * Forgets the resource without destroying anything: a {@code removed} block for a plain address, else
     * {@code terraform state rm} with the reason.
     */
    public static FixSnippet forget(String address) {
        if (TerraformAddress.hasInstanceKey(address)) {
            return new FixSnippet("Forget", FixSnippet.SHELL, """
                    # A removed {} block cannot address an instance key ([0], ["k"]) or a resource inside a module \
                    instance: remove
                    # this one instance from the state instead, then take it out of the count/for_each in the configuration.
                    terraform state rm %s""".formatted(Shell.quote(address)));
        }
        return new FixSnippet("Forget", FixSnippet.HCL, """
                # Terraform >= 1.7: forget %1$s without destroying anything.
                # Delete its resource block (and every reference to it) from the configuration in the same change.
                removed {
                  from = %1$s

                  lifecycle {
                    destroy = false
                  }
                }
                """.formatted(address));
    }
}
