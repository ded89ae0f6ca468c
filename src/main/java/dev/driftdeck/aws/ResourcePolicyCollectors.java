package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import dev.driftdeck.remediation.ImportIds;

/**
 * Settings Terraform can write as their own resource on a queue, topic or repository: {@code aws_sqs_queue_policy},
 * {@code aws_sqs_queue_redrive_policy}, {@code aws_sqs_queue_redrive_allow_policy}, {@code aws_sns_topic_policy},
 * {@code aws_ecr_repository_policy}. The parent
 * also shows each one as an Optional+Computed attribute ({@code aws_sqs_queue.policy}...), which Terraform refreshes
 * silently, so one set on a managed parent without its own resource is not drift, and on an unmanaged parent it is
 * that parent's business (one UNMANAGED finding, not two), as with the S3 split resources. These types therefore
 * list only what a state manages as them, one detail call each (none of the three services has a batch read), and
 * are never UNMANAGED. Documents compare as canonical JSON.
 */
final class ResourcePolicyCollectors {

    static final String QUEUE_POLICY = "aws_sqs_queue_policy";
    static final String QUEUE_REDRIVE_POLICY = "aws_sqs_queue_redrive_policy";
    static final String TOPIC_POLICY = "aws_sns_topic_policy";
    static final String REPOSITORY_POLICY = "aws_ecr_repository_policy";
    static final String QUEUE_REDRIVE_ALLOW_POLICY = "aws_sqs_queue_redrive_allow_policy";

    // sqs.<region>.amazonaws.com (and VPC endpoint names containing it), legacy <region>.queue.amazonaws.com
    private static final Pattern QUEUE_HOST_REGION =
            Pattern.compile("(?:^|\\.)sqs\\.([a-z0-9-]+)\\.|^([a-z0-9-]+)\\.queue\\.amazonaws\\.com");

    private ResourcePolicyCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(QUEUE_POLICY).actions("sqs:ListQueues", "sqs:GetQueueAttributes")
                        .compare("policy", JSON_DOCUMENT).notCompared(NotCompared.IDENTITY, "queue_url")
                        .mirroredOn(MessagingCollectors.QUEUE, "queue_url", "policy")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> queueAttribute(ctx, QUEUE_POLICY, QueueAttributeName.POLICY, "policy")),
                // {"deadLetterTargetArn": ..., "maxReceiveCount": 4}: a JSON document too.
                CollectorDefinition.regional(QUEUE_REDRIVE_POLICY).actions("sqs:ListQueues", "sqs:GetQueueAttributes")
                        .compare("redrive_policy", JSON_DOCUMENT).notCompared(NotCompared.IDENTITY, "queue_url")
                        .mirroredOn(MessagingCollectors.QUEUE, "queue_url", "redrive_policy")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> queueAttribute(ctx, QUEUE_REDRIVE_POLICY, QueueAttributeName.REDRIVE_POLICY,
                                "redrive_policy")),
                // {"redrivePermission": "byQueue", "sourceQueueArns": [...]}: which queues may use this one as their
                // dead-letter queue.
                CollectorDefinition.regional(QUEUE_REDRIVE_ALLOW_POLICY).actions("sqs:ListQueues", "sqs:GetQueueAttributes")
                        .compare("redrive_allow_policy", JSON_DOCUMENT).notCompared(NotCompared.IDENTITY, "queue_url")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> queueAttribute(ctx, QUEUE_REDRIVE_ALLOW_POLICY,
                                QueueAttributeName.REDRIVE_ALLOW_POLICY, "redrive_allow_policy")),
                // owner is the topic's account: not something an operator changes.
                CollectorDefinition.regional(TOPIC_POLICY).actions("sns:ListTopics", "sns:GetTopicAttributes")
                        .compare("policy", JSON_DOCUMENT).notCompared(NotCompared.IDENTITY, "arn")
                        .mirroredOn(MessagingCollectors.TOPIC, "arn", "policy")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ResourcePolicyCollectors::topicPolicies),
                // registry_id is the repository's account: not something an operator changes.
                CollectorDefinition.regional(REPOSITORY_POLICY).actions("ecr:DescribeRepositories", "ecr:GetRepositoryPolicy")
                        .compare("policy", JSON_DOCUMENT).notCompared(NotCompared.IDENTITY, "repository")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ResourcePolicyCollectors::repositoryPolicies));
    }

    /**
     * A queue attribute of the queues a state manages as {@code type}. The state id is the queue URL on the endpoint
     * Terraform called (regional, legacy or an emulator's), so queues are matched by ARN and take the state's id.
     * An attribute AWS no longer has (removed in the console) leaves the resource out: MISSING.
     */
    private static List<LiveResource> queueAttribute(CollectorContext ctx, String type, QueueAttributeName attribute,
                                                      String terraformName) {
        Map<String, String> stateIdByArn = new HashMap<>();
        ctx.managed().ids(type).forEach(url -> stateIdByArn.put(queueArn(url, ctx.region()), url));
        if (stateIdByArn.isEmpty()) {
            return List.of();
        }
        SqsClient sqs = ctx.session().sqs(ctx.region());
        List<LiveResource> resources = new ArrayList<>();
        for (String url : sqs.listQueuesPaginator(r -> r.maxResults(1000)).queueUrls()) {
            String stateId = stateIdByArn.get(MessagingCollectors.queueArn(url, ctx.region()));
            if (stateId == null) {
                continue;
            }
            String value = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(attribute))
                    .attributes().get(attribute);
            if (value != null && !value.isBlank()) {
                resources.add(ctx.resource(type, stateId, Attributes.of()
                        .put("queue_url", url)
                        .put(terraformName, value)
                        .build()));
            }
        }
        return resources;
    }

    /** The ARNs of the queues a state manages as {@code type} (whose state id is the queue URL). */
    static java.util.Set<String> managedQueueArns(CollectorContext ctx, String type) {
        java.util.Set<String> arns = new java.util.HashSet<>();
        ctx.managed().ids(type).forEach(url -> arns.add(queueArn(url, ctx.region())));
        return arns;
    }

    /** The ARN of a queue URL from state: its region from the host where the host names one, else the listed one. */
    static String queueArn(String url, String listedRegion) {
        String host = java.net.URI.create(url).getHost();
        String region = listedRegion;
        if (host != null) {
            Matcher matcher = QUEUE_HOST_REGION.matcher(host);
            if (matcher.find()) {
                region = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            } else if (host.equals("queue.amazonaws.com")) {
                region = "us-east-1";
            }
        }
        return MessagingCollectors.queueArn(url, region);
    }

    private static List<LiveResource> topicPolicies(CollectorContext ctx) {
        if (ctx.managed().ids(TOPIC_POLICY).isEmpty()) {
            return List.of();
        }
        var sns = ctx.session().sns(ctx.region());
        List<LiveResource> resources = new ArrayList<>();
        for (var topic : sns.listTopicsPaginator().topics()) {
            String arn = topic.topicArn();
            if (!ctx.manages(TOPIC_POLICY, arn)) {
                continue;
            }
            Map<String, String> attributes = sns.getTopicAttributes(r -> r.topicArn(arn)).attributes();
            resources.add(ctx.resource(TOPIC_POLICY, arn, Attributes.of()
                    .put("arn", arn)
                    .put("owner", attributes.get("Owner"))
                    .put("policy", attributes.get("Policy"))
                    .build()));
        }
        return resources;
    }

    /** A repository whose policy was deleted answers RepositoryPolicyNotFoundException: the policy is MISSING. */
    private static List<LiveResource> repositoryPolicies(CollectorContext ctx) {
        if (ctx.managed().ids(REPOSITORY_POLICY).isEmpty()) {
            return List.of();
        }
        var ecr = ctx.session().ecr(ctx.region());
        List<LiveResource> resources = new ArrayList<>();
        for (var repository : ecr.describeRepositoriesPaginator().repositories()) {
            String name = repository.repositoryName();
            if (!ctx.manages(REPOSITORY_POLICY, name)) {
                continue;
            }
            try {
                String policy = ecr.getRepositoryPolicy(r -> r.repositoryName(name)).policyText();
                resources.add(ctx.resource(REPOSITORY_POLICY, name, Attributes.of()
                        .put("repository", name)
                        .put("registry_id", repository.registryId())
                        .put("policy", policy)
                        .build()));
            } catch (RepositoryPolicyNotFoundException notSet) {
                // no policy any more
            }
        }
        return resources;
    }
}
