package dev.driftdeck.aws;

import dev.driftdeck.drift.TypeSpec;
import java.util.List;

/** The registry of supported resource types: one collector per Terraform type. */
public final class Collectors {

    private static final List<Collector> ALL = List.of(
            new VpcCollector(),
            new SubnetCollector(),
            new SecurityGroupCollector(),
            new InstanceCollector(),
            new S3BucketCollector(),
            new S3BucketVersioningCollector(),
            new S3PublicAccessBlockCollector(),
            new S3BucketPolicyCollector(),
            new IamRoleCollector(),
            new IamPolicyCollector(),
            new IamRolePolicyAttachmentCollector(),
            new IamUserCollector());

    private Collectors() {
    }

    /** Every collector, regional types first. */
    public static List<Collector> all() {
        return ALL;
    }

    /** The drift engine's view of every supported type. */
    public static List<TypeSpec> specs() {
        return ALL.stream().map(Collector::spec).toList();
    }

    /** The collectors for the given types, in registry order; unknown types are ignored (they are NOT_CHECKED). */
    public static List<Collector> forTypes(java.util.Collection<String> types) {
        return ALL.stream().filter(collector -> types.contains(collector.type())).toList();
    }
}
