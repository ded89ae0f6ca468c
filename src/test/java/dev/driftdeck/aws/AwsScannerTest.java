package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import dev.driftdeck.testing.MotoServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** A whole listing against the real moto: scopes, call counting, read-only operations. */
class AwsScannerTest {

    private String vpcId;

    @BeforeEach
    void createOneOfEachType() {
        MotoServer.shared().reset();
        try (Ec2Client ec2 = MotoAws.operatorEc2(); S3Client s3 = MotoAws.operatorS3(); IamClient iam = MotoAws.operatorIam()) {
            vpcId = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.9.1.0/24")).subnet().subnetId();
            String group = ec2.createSecurityGroup(r -> r.groupName("app").description("app").vpcId(vpcId)).groupId();
            String ami = ec2.describeImages(r -> r.owners("amazon")).images().getFirst().imageId();
            ec2.runInstances(r -> r.imageId(ami).instanceType("t2.micro").minCount(1).maxCount(1)
                    .subnetId(subnet).securityGroupIds(group));
            s3.createBucket(r -> r.bucket("logs"));
            s3.putBucketVersioning(r -> r.bucket("logs")
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            s3.putPublicAccessBlock(r -> r.bucket("logs").publicAccessBlockConfiguration(b -> b.blockPublicAcls(true)));
            s3.putBucketPolicy(r -> r.bucket("logs").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                    + "\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"arn:aws:s3:::logs\"}]}"));
            iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
            String policy = iam.createPolicy(r -> r.policyName("p").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                            + "\"Resource\":\"*\"}]}")).policy().arn();
            iam.attachRolePolicy(r -> r.roleName("app").policyArn(policy));
            iam.createUser(r -> r.userName("bob"));
        }
    }

    @Test
    void listsEveryRegionalTypePerRegionAndEveryGlobalTypeOnceWithOnlyReadCalls() {
        LiveInventory inventory;
        try (AwsSession session = MotoAws.session()) {
            inventory = new AwsScanner().scan(session, List.of("us-east-1", "eu-west-1"), Collectors.all(), false);
            assertThat(session.counter().operations())
                    .isNotEmpty()
                    .allSatisfy(operation -> assertThat(operation).matches("(ec2|s3|iam|sts):(Describe|List|Get|Head)\\w+"));
        }

        assertThat(inventory.outcomes()).hasSize(4 * 2 + 8).allSatisfy(outcome -> {
            assertThat(outcome).isInstanceOf(ListingOutcome.Listed.class);
            assertThat(outcome.scope().account()).isEqualTo(MotoAws.ACCOUNT);
        });
        assertThat(inventory.outcomes()).filteredOn(o -> o.scope().region().equals(ListingScope.GLOBAL))
                .extracting(o -> o.scope().type())
                .containsExactlyInAnyOrder("aws_s3_bucket", "aws_s3_bucket_versioning",
                        "aws_s3_bucket_public_access_block", "aws_s3_bucket_policy", "aws_iam_role",
                        "aws_iam_policy", "aws_iam_role_policy_attachment", "aws_iam_user");
        assertThat(listed(inventory, new ListingScope(MotoAws.ACCOUNT, "us-east-1", "aws_vpc")))
                .extracting(LiveResource::id).containsExactly(vpcId);
        assertThat(listed(inventory, new ListingScope(MotoAws.ACCOUNT, "eu-west-1", "aws_vpc"))).isEmpty();

        // One call per regional scope (everything fits one page), one STS call, one ListBuckets for four types.
        assertThat(inventory.apiCalls()).containsEntry("ec2", 8L).containsEntry("sts", 1L)
                .containsEntry("s3", 1L + 4L).containsKey("iam");
    }

    @Test
    void everyListedResourceCarriesExactlyTheAttributesItsTypeSpecCompares() {
        Map<String, TypeSpec> specs = Collectors.specs().stream()
                .collect(java.util.stream.Collectors.toMap(TypeSpec::type, Function.identity()));
        assertThat(specs).hasSize(Collectors.all().size());

        LiveInventory inventory;
        try (AwsSession session = MotoAws.session()) {
            inventory = new AwsScanner().scan(session, List.of("us-east-1"), Collectors.all(), false);
        }

        List<LiveResource> resources = inventory.outcomes().stream()
                .flatMap(o -> o instanceof ListingOutcome.Listed listed ? listed.resources().stream() : Stream.empty())
                .toList();
        assertThat(resources).extracting(LiveResource::type).containsAll(specs.keySet());
        assertThat(resources).allSatisfy(resource -> {
            TypeSpec spec = specs.get(resource.type());
            Set<String> expected = Stream.concat(spec.compared().stream().map(AttributeRule::name),
                    spec.idFrom().stream()).collect(java.util.stream.Collectors.toSet());
            assertThat(resource.attributes().keySet()).as(resource.type()).isEqualTo(expected);
        });
    }

    private static List<LiveResource> listed(LiveInventory inventory, ListingScope scope) {
        return inventory.outcomes().stream()
                .filter(o -> o.scope().equals(scope))
                .map(o -> ((ListingOutcome.Listed) o).resources())
                .findFirst().orElseThrow();
    }
}
