package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.VpcBlockPublicAccessExclusion;
import software.amazon.awssdk.services.ec2.model.VpcBlockPublicAccessOptions;
import dev.driftdeck.remediation.ImportIds;

/**
 * VPC Block Public Access: the region's setting (one per account and region, Terraform's id is the region's name)
 * and its exclusions (id {@code exclusion-...}, each for one VPC or subnet). The setting's "off" is AWS's default
 * and what the provider leaves behind on destroy, so it is no resource unless a state manages it or the scan is
 * strict. Exclusions being deleted or deleted no longer exist for Terraform.
 */
final class VpcBlockPublicAccessCollectors {

    static final String OPTIONS = "aws_vpc_block_public_access_options";
    static final String EXCLUSION = "aws_vpc_block_public_access_exclusion";

    private static final String OFF = "off";
    /** DescribeVpcBlockPublicAccessExclusions' largest page. */
    private static final int EXCLUSION_PAGE = 1000;
    private static final List<String> GONE = List.of("delete-in-progress", "delete-complete");

    private VpcBlockPublicAccessCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(OPTIONS).actions("ec2:DescribeVpcBlockPublicAccessOptions")
                        .compare("internet_gateway_block_mode", STRING)
                        .importId(ImportIds.sameAsId("the region")).listedBy(VpcBlockPublicAccessCollectors::options),
                // A VPC exclusion and a subnet exclusion are different objects: the resource is the identity.
                CollectorDefinition.regional(EXCLUSION).actions("ec2:DescribeVpcBlockPublicAccessExclusions")
                        .compare("internet_gateway_exclusion_mode", STRING).compareTags()
                        .notCompared(NotCompared.IDENTITY, "vpc_id", "subnet_id")
                        .importId(ImportIds.SAME_AS_ID).listedBy(VpcBlockPublicAccessCollectors::exclusions));
    }

    private static List<LiveResource> options(CollectorContext ctx) {
        VpcBlockPublicAccessOptions options = ctx.ec2().describeVpcBlockPublicAccessOptions(r -> { })
                .vpcBlockPublicAccessOptions();
        String id = ctx.region();
        String mode = options == null ? OFF : options.internetGatewayBlockModeAsString();
        if (OFF.equals(mode) && !ctx.strict() && !ctx.manages(OPTIONS, id)) {
            return List.of();
        }
        return List.of(ctx.resource(OPTIONS, id, Attributes.of().put("internet_gateway_block_mode", mode).build()));
    }

    /** The SDK has no paginator for this call: NextToken by hand. */
    private static List<LiveResource> exclusions(CollectorContext ctx) {
        List<LiveResource> exclusions = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = ctx.ec2().describeVpcBlockPublicAccessExclusions(r -> r.maxResults(EXCLUSION_PAGE).nextToken(next));
            page.vpcBlockPublicAccessExclusions().stream()
                    .filter(exclusion -> !GONE.contains(exclusion.stateAsString()))
                    .forEach(exclusion -> exclusions.add(ctx.resource(EXCLUSION, exclusion.exclusionId(),
                            exclusion(exclusion))));
            token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
        } while (token != null);
        return exclusions;
    }

    /** The provider reads the VPC or subnet from the resource ARN ({@code ...:vpc/vpc-1}, {@code ...:subnet/subnet-1}). */
    private static java.util.Map<String, Object> exclusion(VpcBlockPublicAccessExclusion exclusion) {
        String arn = String.valueOf(exclusion.resourceArn());
        String resource = arn.substring(arn.lastIndexOf(':') + 1);
        String kind = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : "";
        String id = resource.substring(resource.indexOf('/') + 1);
        return Attributes.of()
                .put("internet_gateway_exclusion_mode", exclusion.internetGatewayExclusionModeAsString())
                .put("vpc_id", "vpc".equals(kind) ? id : null)
                .put("subnet_id", "subnet".equals(kind) ? id : null)
                .put("tags", Tags.ec2(exclusion.tags()))
                .build();
    }
}
