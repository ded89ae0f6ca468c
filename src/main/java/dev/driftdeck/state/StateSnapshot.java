package dev.driftdeck.state;

import java.util.List;

/**
 * One parsed version of one state source.
 *
 * @param sourceUri        where it was read, e.g. {@code /home/ops/prod.tfstate}
 * @param serial           the state's serial
 * @param lineage          the state's lineage
 * @param terraformVersion the Terraform version that wrote it
 * @param resources        managed resource instances (data sources are skipped)
 */
public record StateSnapshot(
        String sourceUri,
        long serial,
        String lineage,
        String terraformVersion,
        List<StateResource> resources) {

    public StateSnapshot {
        resources = List.copyOf(resources);
    }
}
