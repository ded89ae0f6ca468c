package dev.driftdeck.remediation;

import dev.driftdeck.drift.ImportTarget;
import dev.driftdeck.drift.LiveResource;
import java.util.Objects;
import java.util.function.Function;

/**
 * How Terraform's {@code import} names one type's objects, as the provider's documentation gives it (its "Import"
 * section), declared beside the type's collector. See {@link ImportIds} for the declarations.
 *
 * @param syntax  the import id as the provider documents it, e.g. {@code ZONEID_NAME_TYPE[_SETID]} (docs)
 * @param resolve the import id of one live object; null when {@code refusal} is set
 * @param refusal why Terraform cannot import the type; null when it can
 */
public record ImportId(String syntax, Function<LiveResource, String> resolve, String refusal) {

    public ImportId {
        Objects.requireNonNull(syntax, "syntax");
        if ((resolve == null) == (refusal == null)) {
            throw new IllegalArgumentException("an import id resolves or is refused, not both or neither");
        }
    }

    public boolean importable() {
        return resolve != null;
    }

    /** The import target of one live object: its import id (or why there is none) and a suggested name. */
    public ImportTarget target(LiveResource live) {
        String name = SuggestedNames.of(live);
        if (!importable()) {
            return ImportTarget.refused(name, refusal);
        }
        String id = resolve.apply(live);
        return id != null ? ImportTarget.importable(id, name) : ImportTarget.refused(name,
                "the listing kept too little of this object to build its import id (" + syntax + "): look it up and"
                        + " write the import block by hand");
    }
}
