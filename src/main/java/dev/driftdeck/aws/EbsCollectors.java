package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import dev.driftdeck.remediation.ImportIds;

/**
 * EBS snapshots and the region's default encryption, per region. DescribeSnapshots is asked for the account's own
 * snapshots only (the public and shared ones are not the account's to manage) at the largest page, with tags. A
 * snapshot backing an AMI is the image's (aws_ami), dropped unless strict or managed: AWS describes those it makes
 * for CreateImage and CopyImage as such ({@code Created by CreateImage(i-1) for ami-2}, {@code Copied for
 * DestinationAmi ami-2 ...}), and moto describes the snapshots of its preloaded images as {@code Auto-created
 * snapshot for AMI ami-2}.
 */
final class EbsCollectors {

    static final String SNAPSHOT = "aws_ebs_snapshot";
    static final String ENCRYPTION_BY_DEFAULT = "aws_ebs_encryption_by_default";

    private static final int PAGE = 1000;
    private static final List<String> AMI_SNAPSHOTS = List.of("Created by CreateImage(", "Copied for DestinationAmi ",
            "Auto-created snapshot for AMI ");

    private EbsCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // A snapshot cannot be edited, only retagged or archived (storage_tier).
                CollectorDefinition.regional(SNAPSHOT).actions("ec2:DescribeSnapshots")
                        .compare("volume_id", STRING).compare("description", STRING).compare("storage_tier", STRING)
                        .compare("outpost_arn", STRING).compareTags()
                        .notCompared("an input to the restore-from-archive action, not a setting of the snapshot",
                                "temporary_restore_days", "permanent_restore")
                        .importId(ImportIds.SAME_AS_ID).listedBy(EbsCollectors::snapshots),
                // The provider writes a generated id and no region; see encryptionByDefault.
                CollectorDefinition.regional(ENCRYPTION_BY_DEFAULT).actions("ec2:GetEbsEncryptionByDefault")
                        .compare("enabled", SCALAR)
                        .importId(ImportIds.computed("the word default (the provider takes any string: one setting per region)", live -> "default")).listedBy(EbsCollectors::encryptionByDefault));
    }

    private static List<LiveResource> snapshots(CollectorContext ctx) {
        List<LiveResource> snapshots = new ArrayList<>();
        for (Snapshot snapshot : ctx.ec2().describeSnapshotsPaginator(r -> r.ownerIds("self").maxResults(PAGE))
                .snapshots()) {
            boolean managed = ctx.manages(SNAPSHOT, snapshot.snapshotId());
            boolean ofAnImage = snapshot.description() != null
                    && AMI_SNAPSHOTS.stream().anyMatch(snapshot.description()::startsWith);
            if (ofAnImage && !managed && !ctx.strict()) {
                continue;
            }
            snapshots.add(ctx.resource(SNAPSHOT, snapshot.snapshotId(), Attributes.of()
                    .put("volume_id", snapshot.volumeId())
                    .put("description", snapshot.description())
                    .put("storage_tier", snapshot.storageTierAsString())
                    .put("outpost_arn", snapshot.outpostArn())
                    .put("tags", Tags.ec2(snapshot.tags()))
                    .build()));
        }
        return snapshots;
    }

    /**
     * One setting per region. Provider 5 writes a generated id ({@code terraform-2026...}) and no region, so a
     * state cannot say which region its setting is in: the managed ones are taken to be the home region's (the
     * region the provider block usually names), where the live setting carries their ids. Elsewhere the setting's
     * id is the region, and it is AWS's default (noise unless strict) while encryption is off.
     */
    private static List<LiveResource> encryptionByDefault(CollectorContext ctx) {
        boolean enabled = Boolean.TRUE.equals(ctx.ec2().getEbsEncryptionByDefault(r -> { }).ebsEncryptionByDefault());
        var attributes = Attributes.of().put("enabled", enabled).build();
        Set<String> managed = ctx.managed().ids(ENCRYPTION_BY_DEFAULT);
        if (!managed.isEmpty() && ctx.region().equals(ctx.session().target().region())) {
            return managed.stream().map(id -> ctx.resource(ENCRYPTION_BY_DEFAULT, id, attributes)).toList();
        }
        return enabled || ctx.strict() ? List.of(ctx.resource(ENCRYPTION_BY_DEFAULT, ctx.region(), attributes)) : List.of();
    }
}
