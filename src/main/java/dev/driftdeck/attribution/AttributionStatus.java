package dev.driftdeck.attribution;

/** How the "who changed it" lookup of one finding ended. */
public enum AttributionStatus {
    /** Not looked up: no drift, a scan stored before attribution existed, or over the scan's lookup budget. */
    NOT_LOOKED_UP,
    /** The type has no known CloudTrail resource name: Driftdeck does not guess. */
    NOT_SUPPORTED,
    /** Write events were found. */
    FOUND,
    /** Nothing yet, but the drift is newer than CloudTrail's delivery delay: looked up again on a later scan. */
    PENDING,
    /** No write event in the window. */
    NONE,
    /** The lookup failed (denied, no such bucket...); the detail says why and the scan's alerts what to grant. */
    FAILED
}
