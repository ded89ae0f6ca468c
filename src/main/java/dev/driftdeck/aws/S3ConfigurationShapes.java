package dev.driftdeck.aws;

import static dev.driftdeck.aws.S3LifecycleRules.block;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.LoggingEnabled;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.RoutingRule;

/**
 * S3 bucket configurations in the shape their provider-v4+ split resources write to state (provider 5.x): every
 * nested block a list of zero or one element, sets as lists. Where the provider writes {@code 0} for a number AWS
 * leaves out ({@code max_age_seconds}, retention {@code days}/{@code years}), so does this; a missing text is null,
 * which the comparison treats as Terraform's {@code ""}.
 */
final class S3ConfigurationShapes {

    private S3ConfigurationShapes() {
    }

    /** {@code aws_s3_bucket_acl.access_control_policy}: the owner and every grant, as AWS expands a canned ACL. */
    static Map<String, Object> accessControlPolicy(GetBucketAclResponse acl) {
        return Attributes.of()
                .put("access_control_policy", List.of(Attributes.of()
                        .put("grant", acl.grants().stream().map(grant -> (Object) Attributes.of()
                                .put("grantee", block(grant.grantee(), S3ConfigurationShapes::grantee))
                                .put("permission", grant.permissionAsString())
                                .build()).toList())
                        .put("owner", block(acl.owner(), owner -> Attributes.of()
                                .put("display_name", owner.displayName())
                                .put("id", owner.id())
                                .build()))
                        .build()))
                .build();
    }

    private static Map<String, Object> grantee(Grantee grantee) {
        return Attributes.of()
                .put("display_name", grantee.displayName())
                .put("email_address", grantee.emailAddress())
                .put("id", grantee.id())
                .put("type", grantee.typeAsString())
                .put("uri", grantee.uri())
                .build();
    }

    /** {@code aws_s3_bucket_cors_configuration.cors_rule}, a set. */
    static List<Object> corsRules(List<CORSRule> rules) {
        return rules.stream().map(rule -> (Object) Attributes.of()
                .put("allowed_headers", rule.allowedHeaders())
                .put("allowed_methods", rule.allowedMethods())
                .put("allowed_origins", rule.allowedOrigins())
                .put("expose_headers", rule.exposeHeaders())
                .put("id", rule.id())
                .put("max_age_seconds", rule.maxAgeSeconds() == null ? 0 : rule.maxAgeSeconds())
                .build()).toList();
    }

    /** {@code aws_s3_bucket_logging}: target bucket and prefix, grants, and the log object key format. */
    static Map<String, Object> logging(LoggingEnabled logging) {
        return Attributes.of()
                .put("target_bucket", logging.targetBucket())
                .put("target_prefix", logging.targetPrefix())
                .put("target_grant", logging.targetGrants().stream().map(grant -> (Object) Attributes.of()
                        .put("grantee", block(grant.grantee(), S3ConfigurationShapes::grantee))
                        .put("permission", grant.permissionAsString())
                        .build()).toList())
                // simple_prefix is an empty block: present or not, it compares as absent (see DECISIONS).
                .put("target_object_key_format", block(logging.targetObjectKeyFormat(), format -> Attributes.of()
                        .put("partitioned_prefix", block(format.partitionedPrefix(), prefix -> Attributes.of()
                                .put("partition_date_source", prefix.partitionDateSourceAsString())
                                .build()))
                        .put("simple_prefix", format.simplePrefix() == null ? List.of() : List.of(Map.of()))
                        .build()))
                .build();
    }

    /** {@code aws_s3_bucket_website_configuration}, without the JSON twin {@code routing_rules}. */
    static Map<String, Object> website(GetBucketWebsiteResponse website) {
        return Attributes.of()
                .put("index_document", block(website.indexDocument(), index -> Attributes.of()
                        .put("suffix", index.suffix()).build()))
                .put("error_document", block(website.errorDocument(), error -> Attributes.of()
                        .put("key", error.key()).build()))
                .put("redirect_all_requests_to", block(website.redirectAllRequestsTo(), redirect -> Attributes.of()
                        .put("host_name", redirect.hostName())
                        .put("protocol", redirect.protocolAsString())
                        .build()))
                .put("routing_rule", website.routingRules().stream().map(S3ConfigurationShapes::routingRule).toList())
                .build();
    }

    private static Object routingRule(RoutingRule rule) {
        return Attributes.of()
                .put("condition", block(rule.condition(), condition -> Attributes.of()
                        .put("http_error_code_returned_equals", condition.httpErrorCodeReturnedEquals())
                        .put("key_prefix_equals", condition.keyPrefixEquals())
                        .build()))
                .put("redirect", block(rule.redirect(), redirect -> Attributes.of()
                        .put("host_name", redirect.hostName())
                        .put("http_redirect_code", redirect.httpRedirectCode())
                        .put("protocol", redirect.protocolAsString())
                        .put("replace_key_prefix_with", redirect.replaceKeyPrefixWith())
                        .put("replace_key_with", redirect.replaceKeyWith())
                        .build()))
                .build();
    }

    /** {@code aws_s3_bucket_object_lock_configuration}: whether lock is on, and the default retention. */
    static Map<String, Object> objectLock(ObjectLockConfiguration lock) {
        return Attributes.of()
                .put("object_lock_enabled", lock.objectLockEnabledAsString())
                .put("rule", block(lock.rule(), rule -> Attributes.of()
                        .put("default_retention", block(rule.defaultRetention(), retention -> Attributes.of()
                                .put("days", retention.days() == null ? 0 : retention.days())
                                .put("mode", retention.modeAsString())
                                .put("years", retention.years() == null ? 0 : retention.years())
                                .build()))
                        .build()))
                .build();
    }

    /** {@code aws_s3_bucket_notification}: EventBridge on or off, and the topic, queue and Lambda destinations. */
    static Map<String, Object> notification(GetBucketNotificationConfigurationResponse notification) {
        return Attributes.of()
                .put("eventbridge", notification.eventBridgeConfiguration() != null)
                .put("topic", notification.topicConfigurations().stream().map(topic -> destination(topic.id(),
                        "topic_arn", topic.topicArn(), topic.eventsAsStrings(), topic.filter())).toList())
                .put("queue", notification.queueConfigurations().stream().map(queue -> destination(queue.id(),
                        "queue_arn", queue.queueArn(), queue.eventsAsStrings(), queue.filter())).toList())
                .put("lambda_function", notification.lambdaFunctionConfigurations().stream().map(lambda ->
                        destination(lambda.id(), "lambda_function_arn", lambda.lambdaFunctionArn(),
                                lambda.eventsAsStrings(), lambda.filter())).toList())
                .build();
    }

    private static Object destination(String id, String arnAttribute, String arn, List<String> events,
                                      NotificationConfigurationFilter filter) {
        List<FilterRule> rules = filter == null || filter.key() == null ? List.of() : filter.key().filterRules();
        Function<String, String> rule = name -> rules.stream().filter(r -> name.equalsIgnoreCase(r.nameAsString()))
                .map(FilterRule::value).findFirst().orElse(null);
        return Attributes.of()
                .put("id", id)
                .put(arnAttribute, arn)
                .put("events", events)
                .put("filter_prefix", rule.apply("prefix"))
                .put("filter_suffix", rule.apply("suffix"))
                .build();
    }

    /** True when a notification configuration sends nothing anywhere: AWS's answer for "none". */
    static boolean isEmpty(GetBucketNotificationConfigurationResponse notification) {
        return notification.eventBridgeConfiguration() == null && notification.topicConfigurations().isEmpty()
                && notification.queueConfigurations().isEmpty() && notification.lambdaFunctionConfigurations().isEmpty();
    }
}
