package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import dev.driftdeck.remediation.ImportIds;

/**
 * SQS queues and SNS topics/subscriptions, per region. Queue, topic and subscription attributes and tags have no
 * batch API: those calls are spent on managed queues, topics and subscriptions only. Every setting the attribute
 * calls return is compared, normalised as the provider reads it (a missing flag is false, a missing number 0,
 * documents as canonical JSON).
 */
final class MessagingCollectors {

    static final String QUEUE = "aws_sqs_queue";
    static final String TOPIC = "aws_sns_topic";
    static final String SUBSCRIPTION = "aws_sns_topic_subscription";
    /** The delivery protocols whose feedback roles and sample rate a topic holds ({@code HTTPSuccessFeedbackRoleArn}...). */
    private static final List<String> FEEDBACK_PROTOCOLS = List.of("application", "firehose", "http", "lambda", "sqs");

    private MessagingCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // The state id is the queue URL on the endpoint Terraform called (legacy, regional, an emulator's):
                // queues match on their ARN, which every endpoint agrees on. policy, redrive_policy and
                // redrive_allow_policy are compared here unless a state manages them as their own resource
                // (SeparatelyManaged).
                CollectorDefinition.regional(QUEUE).actions("sqs:ListQueues", "sqs:GetQueueAttributes", "sqs:ListQueueTags")
                        .idFrom("arn")
                        .compare("delay_seconds", SCALAR).compare("max_message_size", SCALAR)
                        .compare("message_retention_seconds", SCALAR).compare("visibility_timeout_seconds", SCALAR)
                        .compare("receive_wait_time_seconds", SCALAR).compare("fifo_queue", SCALAR).compareTags()
                        .compare("sqs_managed_sse_enabled", SCALAR).compare("kms_master_key_id", STRING)
                        .compare("kms_data_key_reuse_period_seconds", SCALAR)
                        .compare("content_based_deduplication", SCALAR).compare("deduplication_scope", STRING)
                        .compare("fifo_throughput_limit", STRING).compare("policy", JSON_DOCUMENT)
                        .compare("redrive_policy", JSON_DOCUMENT).compare("redrive_allow_policy", JSON_DOCUMENT)
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .importId(ImportIds.computed("the queue URL", ImportIdsOf::queueUrl)).listedBy(MessagingCollectors::queues),
                CollectorDefinition.regional(TOPIC).actions("sns:ListTopics", "sns:GetTopicAttributes",
                                "sns:ListTagsForResource")
                        .compare("display_name", STRING).compareTags()
                        .compare("kms_master_key_id", STRING).compare("policy", JSON_DOCUMENT)
                        .compare("delivery_policy", JSON_DOCUMENT).compare("archive_policy", JSON_DOCUMENT)
                        .compare("fifo_topic", SCALAR).compare("content_based_deduplication", SCALAR)
                        .compare("fifo_throughput_scope", STRING).compare("signature_version", SCALAR)
                        .compare("tracing_config", STRING)
                        .compare("application_success_feedback_role_arn", STRING)
                        .compare("application_failure_feedback_role_arn", STRING)
                        .compare("application_success_feedback_sample_rate", SCALAR)
                        .compare("firehose_success_feedback_role_arn", STRING)
                        .compare("firehose_failure_feedback_role_arn", STRING)
                        .compare("firehose_success_feedback_sample_rate", SCALAR)
                        .compare("http_success_feedback_role_arn", STRING)
                        .compare("http_failure_feedback_role_arn", STRING)
                        .compare("http_success_feedback_sample_rate", SCALAR)
                        .compare("lambda_success_feedback_role_arn", STRING)
                        .compare("lambda_failure_feedback_role_arn", STRING)
                        .compare("lambda_success_feedback_sample_rate", SCALAR)
                        .compare("sqs_success_feedback_role_arn", STRING)
                        .compare("sqs_failure_feedback_role_arn", STRING)
                        .compare("sqs_success_feedback_sample_rate", SCALAR)
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .importId(ImportIds.SAME_AS_ID).listedBy(MessagingCollectors::topics),
                // Unconfirmed subscriptions have no ARN yet ("PendingConfirmation") and no Terraform id to match.
                // ListSubscriptions names topic, protocol and endpoint; the rest costs one GetSubscriptionAttributes
                // per managed subscription.
                CollectorDefinition.regional(SUBSCRIPTION).actions("sns:ListSubscriptions", "sns:GetSubscriptionAttributes")
                        .compare("topic_arn", STRING).compare("protocol", CASE_INSENSITIVE).compare("endpoint", STRING)
                        .compare("filter_policy", JSON_DOCUMENT).compare("filter_policy_scope", STRING)
                        .compare("raw_message_delivery", SCALAR).compare("delivery_policy", JSON_DOCUMENT)
                        .compare("redrive_policy", JSON_DOCUMENT).compare("replay_policy", JSON_DOCUMENT)
                        .compare("subscription_role_arn", STRING)
                        .notCompared(NotCompared.TERRAFORM_ONLY, "confirmation_timeout_in_minutes",
                                "endpoint_auto_confirms")
                        .importId(ImportIds.SAME_AS_ID).listedBy(MessagingCollectors::subscriptions));
    }

    private static List<LiveResource> queues(CollectorContext ctx) {
        SqsClient sqs = ctx.session().sqs(ctx.region());
        Set<String> separatePolicy = ResourcePolicyCollectors.managedQueueArns(ctx, ResourcePolicyCollectors.QUEUE_POLICY);
        Set<String> separateRedrive =
                ResourcePolicyCollectors.managedQueueArns(ctx, ResourcePolicyCollectors.QUEUE_REDRIVE_POLICY);
        Set<String> separateRedriveAllow =
                ResourcePolicyCollectors.managedQueueArns(ctx, ResourcePolicyCollectors.QUEUE_REDRIVE_ALLOW_POLICY);
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
                    // As the provider reads them: a missing flag is false, a missing reuse period its 300 s default.
                    .put("sqs_managed_sse_enabled", a.getOrDefault("SqsManagedSseEnabled", "false"))
                    .put("kms_master_key_id", a.get("KmsMasterKeyId"))
                    .put("kms_data_key_reuse_period_seconds", reusePeriod(a.get("KmsDataKeyReusePeriodSeconds")))
                    .put("content_based_deduplication", a.getOrDefault("ContentBasedDeduplication", "false"))
                    .put("deduplication_scope", a.get("DeduplicationScope"))
                    .put("fifo_throughput_limit", a.get("FifoThroughputLimit"))
                    .put("policy", SeparatelyManaged.orStateValue(ctx, QUEUE, arn, "policy",
                            separatePolicy.contains(arn), a.get("Policy")))
                    .put("redrive_policy", SeparatelyManaged.orStateValue(ctx, QUEUE, arn, "redrive_policy",
                            separateRedrive.contains(arn), a.get("RedrivePolicy")))
                    .put("redrive_allow_policy", SeparatelyManaged.orStateValue(ctx, QUEUE, arn, "redrive_allow_policy",
                            separateRedriveAllow.contains(arn), a.get("RedriveAllowPolicy")))
                    .build()));
        }
        return queues;
    }

    /** The provider writes 300 (AWS's default) when SQS answers none or 0 (an unencrypted queue). */
    private static String reusePeriod(String seconds) {
        return seconds == null || seconds.isBlank() || seconds.equals("0") ? "300" : seconds;
    }

    /** {@code https://sqs.<region>.amazonaws.com/<account>/<name>} (or an emulator's URL) as the queue's ARN. */
    static String queueArn(String url, String region) {
        String[] path = URI.create(url).getPath().split("/");
        return "arn:aws:sqs:" + region + ":" + path[path.length - 2] + ":" + path[path.length - 1];
    }

    private static List<LiveResource> topics(CollectorContext ctx) {
        SnsClient sns = ctx.session().sns(ctx.region());
        Set<String> separatePolicy = ctx.managed().ids(ResourcePolicyCollectors.TOPIC_POLICY);
        List<LiveResource> topics = new ArrayList<>();
        for (var topic : sns.listTopicsPaginator().topics()) {
            String arn = topic.topicArn();
            if (!ctx.manages(TOPIC, arn)) {
                topics.add(ctx.identityOnly(TOPIC, arn));
                continue;
            }
            Map<String, String> a = sns.getTopicAttributes(r -> r.topicArn(arn)).attributes();
            var tags = sns.listTagsForResource(r -> r.resourceArn(arn)).tags();
            Attributes attributes = Attributes.of()
                    .put("display_name", a.get("DisplayName"))
                    .put("tags", Tags.toMap(tags, software.amazon.awssdk.services.sns.model.Tag::key,
                            software.amazon.awssdk.services.sns.model.Tag::value))
                    .put("kms_master_key_id", a.get("KmsMasterKeyId"))
                    .put("policy", SeparatelyManaged.orStateValue(ctx, TOPIC, arn, "policy",
                            separatePolicy.contains(arn), a.get("Policy")))
                    .put("delivery_policy", a.get("DeliveryPolicy"))
                    .put("archive_policy", a.get("ArchivePolicy"))
                    // As the provider reads them: a missing flag is false, a missing sample rate 0.
                    .put("fifo_topic", a.getOrDefault("FifoTopic", "false"))
                    .put("content_based_deduplication", a.getOrDefault("ContentBasedDeduplication", "false"))
                    .put("fifo_throughput_scope", a.get("FifoThroughputScope"))
                    .put("signature_version", a.getOrDefault("SignatureVersion", "0"))
                    .put("tracing_config", a.get("TracingConfig"));
            for (String protocol : FEEDBACK_PROTOCOLS) {
                String prefix = Character.toUpperCase(protocol.charAt(0)) + protocol.substring(1);
                attributes.put(protocol + "_success_feedback_role_arn", a.get(prefix + "SuccessFeedbackRoleArn"))
                        .put(protocol + "_failure_feedback_role_arn", a.get(prefix + "FailureFeedbackRoleArn"))
                        .put(protocol + "_success_feedback_sample_rate",
                                a.getOrDefault(prefix + "SuccessFeedbackSampleRate", "0"));
            }
            topics.add(ctx.resource(TOPIC, arn, attributes.build()));
        }
        return topics;
    }

    private static List<LiveResource> subscriptions(CollectorContext ctx) {
        SnsClient sns = ctx.session().sns(ctx.region());
        List<LiveResource> subscriptions = new ArrayList<>();
        for (var listed : sns.listSubscriptionsPaginator().subscriptions()) {
            String arn = listed.subscriptionArn();
            if (arn == null || !arn.startsWith("arn:")) {
                continue;
            }
            if (!ctx.manages(SUBSCRIPTION, arn)) {
                subscriptions.add(ctx.identityOnly(SUBSCRIPTION, arn));
                continue;
            }
            Map<String, String> a;
            try {
                a = sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes();
            } catch (NotFoundException unsubscribedMeanwhile) {
                continue;
            }
            subscriptions.add(ctx.resource(SUBSCRIPTION, arn, Attributes.of()
                    .put("topic_arn", listed.topicArn())
                    .put("protocol", listed.protocol())
                    .put("endpoint", listed.endpoint())
                    .put("filter_policy", a.get("FilterPolicy"))
                    .put("filter_policy_scope", a.get("FilterPolicyScope"))
                    .put("raw_message_delivery", a.getOrDefault("RawMessageDelivery", "false"))
                    .put("delivery_policy", a.get("DeliveryPolicy"))
                    .put("redrive_policy", a.get("RedrivePolicy"))
                    .put("replay_policy", a.get("ReplayPolicy"))
                    .put("subscription_role_arn", a.get("SubscriptionRoleArn"))
                    .build()));
        }
        return subscriptions;
    }
}
