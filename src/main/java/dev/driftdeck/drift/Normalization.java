package dev.driftdeck.drift;

/** How an attribute is normalised on both sides before it is compared. */
public enum Normalization {
    /** Compared as text; null and "" are equal. */
    STRING,
    /** Compared as text, ignoring case (enums such as {@code Enabled}/{@code enabled}). */
    CASE_INSENSITIVE,
    /** A string map of tags; keys starting with {@code aws:} are dropped; null and {} are equal. */
    TAGS,
    /** A JSON policy document given as a string: URL-decoded when needed, parsed, canonicalised. */
    JSON_DOCUMENT,
    /** A list whose order does not matter; null and [] are equal. Elements compared after canonicalisation. */
    SET,
    /** Compared as a number or boolean by value. */
    SCALAR,
    /**
     * A list of blocks each named by its {@code id} (S3 lifecycle rules): matched by id in any order, each block
     * compared as a {@link #SET} element is (empty fields and empty blocks are absent, nested lists order-free), and a
     * difference names the block ({@code rule.expire-tmp}); null and [] are equal.
     */
    BY_ID,
    /**
     * A map of settings (stage variables, request parameters, templates): values compared as text, a difference
     * names the key ({@code variables.color}); a null value is "", and null and {} are equal. Unlike {@link #TAGS},
     * no key is AWS's own.
     */
    MAP
}
