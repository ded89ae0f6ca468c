package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS queues and SNS topics/subscriptions, per region. Queue and topic attributes and tags have no batch API:
 * those calls are spent on managed queues and topics only.
 */
final class MessagingCollectors {

    static final String QUEUE = "aws_sqs_queue";
    static final String TOPIC = "aws_sns_topic";
    static final String SUBSCRIPTION = "aws_sns_topic_subscription";

    private MessagingCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // The state id is the queue URL on the endpoint Terraform called (legacy, regional, an emulator's):
                // queues match on their ARN, which every endpoint agrees on.
                CollectorDefinition.regional(QUEUE).actions("sqs:ListQueues", "sqs:GetQueueAttributes", "sqs:ListQueueTags")
                        .idFrom("arn")
                        .compare("delay_seconds", SCALAR).compare("max_message_size", SCALAR)
                        .compare("message_retention_seconds", SCALAR).compare("visibility_timeout_seconds", SCALAR)
                        .compare("receive_wait_time_seconds", SCALAR).compare("fifo_queue", SCALAR).compareTags()
                        .listedBy(MessagingCollectors::queues),
                CollectorDefinition.regional(TOPIC).actions("sns:ListTopics", "sns:GetTopicAttributes",
                                "sns:ListTagsForResource")
                        .compare("display_name", STRING).compareTags()
                        .listedBy(MessagingCollectors::topics),
                // Unconfirmed subscriptions have no ARN yet ("PendingConfirmation") and no Terraform id to match.
                CollectorDefinition.regional(SUBSCRIPTION).actions("sns:ListSubscriptions")
                        .compare("topic_arn", STRING).compare("protocol", CASE_INSENSITIVE).compare("endpoint", STRING)
                        .listedBy(ctx -> ctx.session().sns(ctx.region()).listSubscriptionsPaginator().subscriptions()
                                .stream()
                                .filter(s -> s.subscriptionArn() != null && s.subscriptionArn().startsWith("arn:"))
                                .map(s -> ctx.resource(SUBSCRIPTION, s.subscriptionArn(), Attributes.of()
                                        .put("topic_arn", s.topicArn())
                                        .put("protocol", s.protocol())
                                        .put("endpoint", s.endpoint())
                                        .build()))
                                .toList()));
    }

    private static List<LiveResource> queues(CollectorContext ctx) {
        SqsClient sqs = ctx.session().sqs(ctx.region());
        List<LiveResource> queues = new ArrayList<>();
        // ListQueues pages with NextToken on AWS (moto ignores MaxResults and answers everything at once).
        for (String url : sqs.listQueuesPaginator(r -> r.maxResults(1000)).queueUrls()) {
            String arn = queueArn(url, ctx.region());
            if (!ctx.manages(QUEUE, arn)) {
                queues.add(ctx.identityOnly(QUEUE, arn));
                continue;
            }
            Map<String, String> a = sqs.getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
            Map<String, String> tags = sqs.listQueueTags(r -> r.queueUrl(url)).tags();
            queues.add(ctx.resource(QUEUE, arn, Attributes.of()
                    .put("delay_seconds", a.get("DelaySeconds"))
                    .put("max_message_size", a.get("MaximumMessageSize"))
                    .put("message_retention_seconds", a.get("MessageRetentionPeriod"))
                    .put("visibility_timeout_seconds", a.get("VisibilityTimeout"))
                    .put("receive_wait_time_seconds", a.get("ReceiveMessageWaitTimeSeconds"))
                    // Terraform writes false for a standard queue; AWS only answers FifoQueue for FIFO ones.
                    .put("fifo_queue", a.getOrDefault("FifoQueue", "false"))
                    .put("tags", Map.copyOf(tags))
                    .build()));
        }
        return queues;
    }

    /** {@code https://sqs.<region>.amazonaws.com/<account>/<name>} (or an emulator's URL) as the queue's ARN. */
    static String queueArn(String url, String region) {
        String[] path = URI.create(url).getPath().split("/");
        return "arn:aws:sqs:" + region + ":" + path[path.length - 2] + ":" + path[path.length - 1];
    }

    private static List<LiveResource> topics(CollectorContext ctx) {
        SnsClient sns = ctx.session().sns(ctx.region());
        List<LiveResource> topics = new ArrayList<>();
        for (var topic : sns.listTopicsPaginator().topics()) {
            String arn = topic.topicArn();
            if (!ctx.manages(TOPIC, arn)) {
                topics.add(ctx.identityOnly(TOPIC, arn));
                continue;
            }
            Map<String, String> a = sns.getTopicAttributes(r -> r.topicArn(arn)).attributes();
            var tags = sns.listTagsForResource(r -> r.resourceArn(arn)).tags();
            topics.add(ctx.resource(TOPIC, arn, Attributes.of()
                    .put("display_name", a.get("DisplayName"))
                    .put("tags", Tags.toMap(tags, software.amazon.awssdk.services.sns.model.Tag::key,
                            software.amazon.awssdk.services.sns.model.Tag::value))
                    .build()));
        }
        return topics;
    }
}
