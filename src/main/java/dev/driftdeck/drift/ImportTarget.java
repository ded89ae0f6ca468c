package dev.driftdeck.drift;

/**
 * How Terraform can adopt one unmanaged resource, worked out at scan time from the live resource (some import ids
 * need attributes the finding does not keep).
 *
 * @param id      the id {@code terraform import} and an {@code import} block expect; null when Terraform cannot
 *                import the type
 * @param name    a Terraform resource name suggested from the Name tag, name or id (letters, digits and {@code _});
 *                unique only once a file of blocks is written
 * @param refusal why Terraform cannot import the type, when {@code id} is null; else null
 */
public record ImportTarget(String id, String name, String refusal) {

    public ImportTarget {
        if ((id == null) == (refusal == null)) {
            throw new IllegalArgumentException("an import target has an id or a refusal, not both or neither");
        }
    }

    public static ImportTarget importable(String id, String name) {
        return new ImportTarget(id, name, null);
    }

    public static ImportTarget refused(String name, String reason) {
        return new ImportTarget(null, name, reason);
    }

    public boolean importable() {
        return id != null;
    }
}
