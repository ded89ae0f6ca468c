package dev.driftdeck.remediation;

import dev.driftdeck.drift.LiveResource;
import java.util.function.Function;

/**
 * The import id declarations a collector picks from ({@code .importId(ImportIds.SAME_AS_ID)}), each saying what
 * the provider's "Import" section documents for the type. The id Driftdeck reports is the id Terraform writes (or
 * the {@code idFrom} attributes joined with {@code /}), so most types import by it as it is.
 */
public final class ImportIds {

    /** Terraform imports the object by the id Driftdeck reports for it, unchanged. */
    public static final ImportId SAME_AS_ID = new ImportId("the id", LiveResource::id, null);

    private ImportIds() {
    }

    /** Terraform imports by the reported id, which the provider documents as {@code syntax} (e.g. "role name"). */
    public static ImportId sameAsId(String syntax) {
        return new ImportId(syntax, LiveResource::id, null);
    }

    /** Terraform imports by an id worked out from the live object; {@code resolve} returns null when it cannot. */
    public static ImportId computed(String syntax, Function<LiveResource, String> resolve) {
        return new ImportId(syntax, resolve, null);
    }

    /**
     * The reported id is {@code parts} values joined with {@code /} (a type with {@code idFrom}); Terraform wants
     * them joined with {@code separator}. The first {@code parts - 1} values hold no {@code /}, the last may.
     */
    public static ImportId rejoined(String syntax, int parts, String separator) {
        return computed(syntax, live -> {
            String[] values = live.id().split("/", parts);
            return values.length == parts ? String.join(separator, values) : null;
        });
    }

    /** The part of an ARN id after its resource type ({@code arn:aws:ecs:r:1:service/cluster/web} → {@code cluster/web}). */
    public static ImportId arnResource(String syntax) {
        return computed(syntax, live -> Arns.resource(live.id()));
    }

    /** Terraform cannot import the type at all, or not from what Driftdeck can know; {@code reason} says which. */
    public static ImportId notImportable(String reason) {
        return new ImportId("not importable", null, reason);
    }

    /** A string attribute of the live object, or null when the listing did not keep it. */
    public static String attribute(LiveResource live, String name) {
        Object value = live.attributes().get(name);
        return value == null || String.valueOf(value).isEmpty() ? null : String.valueOf(value);
    }
}
