package dev.driftdeck.aws;

import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import dev.driftdeck.remediation.ImportId;
import java.util.List;

/**
 * Lists every live resource of one Terraform type in one (account, region) scope, with the compared attributes
 * mapped to the hashicorp/aws provider's names and shapes. Read-only: only Describe/List/Get/Head calls.
 */
public interface Collector {

    /** The Terraform resource type, e.g. {@code aws_instance}. */
    String type();

    /** True for types listed once per account (IAM, S3) rather than once per region. */
    boolean global();

    /** What the drift engine compares for this type; the collector maps exactly these attributes. */
    TypeSpec spec();

    /** The IAM actions {@link #list} calls: what a scanning identity must be granted. */
    List<String> iamActions();

    /** The provider's arguments of this type that are deliberately not compared, each with its reason. */
    default List<NotCompared> notCompared() {
        return List.of();
    }

    /** How Terraform imports the type's objects (the provider's "Import" section): see docs/remediation.md. */
    ImportId importId();

    /** The AWS service it calls (the IAM prefix, e.g. {@code ec2}): parallelism is bounded per service. */
    default String service() {
        String first = iamActions().getFirst();
        return first.substring(0, first.indexOf(':'));
    }

    /**
     * Lists the scope completely or throws: a partial listing would turn the rest into false MISSING findings.
     * AWS default resources are left out unless {@link CollectorContext#strict()}.
     */
    List<LiveResource> list(CollectorContext ctx);
}
