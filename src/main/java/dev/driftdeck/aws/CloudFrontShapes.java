package dev.driftdeck.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.CookiePreference;
import software.amazon.awssdk.services.cloudfront.model.CustomErrorResponse;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.ForwardedValues;
import software.amazon.awssdk.services.cloudfront.model.FunctionAssociations;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociations;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.OriginGroup;
import software.amazon.awssdk.services.cloudfront.model.TrustedKeyGroups;
import software.amazon.awssdk.services.cloudfront.model.TrustedSigners;

/**
 * A distribution's configuration in the shapes the provider writes to the state: nested blocks as lists of maps
 * with the provider's names, absent numbers 0 and absent flags false (the provider's {@code aws.ToInt64} and
 * {@code aws.ToBool}), so a set comparison (which drops only empty strings, lists and blocks) sees equal values.
 */
final class CloudFrontShapes {

    private CloudFrontShapes() {
    }

    static Attributes distribution(DistributionConfig c) {
        var logging = c.logging();
        var viewer = c.viewerCertificate();
        var geo = c.restrictions() == null ? null : c.restrictions().geoRestriction();
        return Attributes.of()
                .put("enabled", Boolean.TRUE.equals(c.enabled()))
                .put("viewer_certificate", viewer == null ? List.of() : List.of(block(
                        "acm_certificate_arn", viewer.acmCertificateArn(),
                        "cloudfront_default_certificate", flag(viewer.cloudFrontDefaultCertificate()),
                        "iam_certificate_id", viewer.iamCertificateId(),
                        "minimum_protocol_version", viewer.minimumProtocolVersionAsString(),
                        "ssl_support_method", viewer.sslSupportMethodAsString())))
                .put("web_acl_id", c.webACLId())
                .put("logging_config", logging == null || !flag(logging.enabled()) ? List.of() : List.of(block(
                        "bucket", logging.bucket(), "include_cookies", flag(logging.includeCookies()),
                        "prefix", logging.prefix())))
                .put("restrictions", geo == null ? List.of() : List.of(block("geo_restriction", List.of(block(
                        "locations", geo.items(), "restriction_type", geo.restrictionTypeAsString())))))
                .put("default_cache_behavior", c.defaultCacheBehavior() == null
                        ? List.of() : List.of(defaultBehavior(c.defaultCacheBehavior())))
                .put("ordered_cache_behavior", c.cacheBehaviors() == null ? List.of()
                        : c.cacheBehaviors().items().stream().map(CloudFrontShapes::orderedBehavior).toList())
                .put("origin", c.origins() == null ? List.of()
                        : c.origins().items().stream().map(CloudFrontShapes::origin).toList())
                .put("origin_group", c.originGroups() == null ? List.of()
                        : c.originGroups().items().stream().map(CloudFrontShapes::originGroup).toList())
                .put("aliases", c.aliases() == null ? List.of() : c.aliases().items())
                .put("custom_error_response", c.customErrorResponses() == null ? List.of()
                        : c.customErrorResponses().items().stream().map(CloudFrontShapes::errorResponse).toList())
                .put("default_root_object", c.defaultRootObject())
                .put("comment", c.comment())
                .put("http_version", c.httpVersionAsString())
                .put("is_ipv6_enabled", flag(c.isIPV6Enabled()))
                .put("price_class", c.priceClassAsString())
                .put("staging", flag(c.staging()))
                .put("continuous_deployment_policy_id", c.continuousDeploymentPolicyId());
    }

    private static Map<String, Object> defaultBehavior(DefaultCacheBehavior b) {
        Map<String, Object> block = behavior(b.allowedMethods() == null ? null : b.allowedMethods().itemsAsStrings(),
                b.allowedMethods() == null || b.allowedMethods().cachedMethods() == null
                        ? null : b.allowedMethods().cachedMethods().itemsAsStrings(),
                b.cachePolicyId(), b.compress(), b.defaultTTL(), b.fieldLevelEncryptionId(), b.forwardedValues(),
                b.functionAssociations(), b.lambdaFunctionAssociations(), b.maxTTL(), b.minTTL(),
                b.originRequestPolicyId(), b.realtimeLogConfigArn(), b.responseHeadersPolicyId(),
                b.smoothStreaming(), b.targetOriginId(), b.trustedKeyGroups(), b.trustedSigners(),
                b.viewerProtocolPolicyAsString());
        block.put("grpc_config", b.grpcConfig() == null ? List.of()
                : List.of(block("enabled", flag(b.grpcConfig().enabled()))));
        return block;
    }

    private static Map<String, Object> orderedBehavior(CacheBehavior b) {
        Map<String, Object> block = behavior(b.allowedMethods() == null ? null : b.allowedMethods().itemsAsStrings(),
                b.allowedMethods() == null || b.allowedMethods().cachedMethods() == null
                        ? null : b.allowedMethods().cachedMethods().itemsAsStrings(),
                b.cachePolicyId(), b.compress(), b.defaultTTL(), b.fieldLevelEncryptionId(), b.forwardedValues(),
                b.functionAssociations(), b.lambdaFunctionAssociations(), b.maxTTL(), b.minTTL(),
                b.originRequestPolicyId(), b.realtimeLogConfigArn(), b.responseHeadersPolicyId(),
                b.smoothStreaming(), b.targetOriginId(), b.trustedKeyGroups(), b.trustedSigners(),
                b.viewerProtocolPolicyAsString());
        block.put("path_pattern", b.pathPattern());
        block.put("grpc_config", b.grpcConfig() == null ? List.of()
                : List.of(block("enabled", flag(b.grpcConfig().enabled()))));
        return block;
    }

    private static Map<String, Object> behavior(List<String> allowed, List<String> cached, String cachePolicy,
                                                Boolean compress, Long defaultTtl, String fieldLevelEncryption,
                                                ForwardedValues forwarded, FunctionAssociations functions,
                                                LambdaFunctionAssociations lambdas, Long maxTtl, Long minTtl,
                                                String originRequestPolicy, String realtimeLogConfig,
                                                String responseHeadersPolicy, Boolean smoothStreaming,
                                                String targetOrigin, TrustedKeyGroups keyGroups,
                                                TrustedSigners signers, String viewerProtocolPolicy) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("allowed_methods", allowed);
        block.put("cached_methods", cached);
        block.put("cache_policy_id", cachePolicy);
        block.put("compress", flag(compress));
        block.put("default_ttl", number(defaultTtl));
        block.put("field_level_encryption_id", fieldLevelEncryption);
        block.put("forwarded_values", forwarded == null ? List.of() : List.of(forwardedValues(forwarded)));
        block.put("function_association", functions == null ? List.of() : functions.items().stream()
                .map(f -> block("event_type", f.eventTypeAsString(), "function_arn", f.functionARN())).toList());
        block.put("lambda_function_association", lambdas == null ? List.of() : lambdas.items().stream()
                .map(l -> block("event_type", l.eventTypeAsString(), "include_body", flag(l.includeBody()),
                        "lambda_arn", l.lambdaFunctionARN())).toList());
        block.put("max_ttl", number(maxTtl));
        block.put("min_ttl", number(minTtl));
        block.put("origin_request_policy_id", originRequestPolicy);
        block.put("realtime_log_config_arn", realtimeLogConfig);
        block.put("response_headers_policy_id", responseHeadersPolicy);
        block.put("smooth_streaming", flag(smoothStreaming));
        block.put("target_origin_id", targetOrigin);
        block.put("trusted_key_groups", keyGroups == null || !flag(keyGroups.enabled()) ? List.of() : keyGroups.items());
        block.put("trusted_signers", signers == null || !flag(signers.enabled()) ? List.of() : signers.items());
        block.put("viewer_protocol_policy", viewerProtocolPolicy);
        return block;
    }

    private static Map<String, Object> forwardedValues(ForwardedValues f) {
        CookiePreference cookies = f.cookies();
        return block(
                "cookies", cookies == null ? List.of() : List.of(block("forward", cookies.forwardAsString(),
                        "whitelisted_names", cookies.whitelistedNames() == null ? List.of() : cookies.whitelistedNames().items())),
                "headers", f.headers() == null ? List.of() : f.headers().items(),
                "query_string", flag(f.queryString()),
                "query_string_cache_keys", f.queryStringCacheKeys() == null ? List.of() : f.queryStringCacheKeys().items());
    }

    private static Map<String, Object> origin(Origin o) {
        var custom = o.customOriginConfig();
        var shield = o.originShield();
        var s3 = o.s3OriginConfig();
        var vpc = o.vpcOriginConfig();
        return block(
                "connection_attempts", number(o.connectionAttempts()),
                "connection_timeout", number(o.connectionTimeout()),
                "custom_header", o.customHeaders() == null ? List.of() : o.customHeaders().items().stream()
                        .map(h -> block("name", h.headerName(), "value", h.headerValue())).toList(),
                "custom_origin_config", custom == null ? List.of() : List.of(block(
                        "http_port", number(custom.httpPort()), "https_port", number(custom.httpsPort()),
                        "origin_keepalive_timeout", number(custom.originKeepaliveTimeout()),
                        "origin_protocol_policy", custom.originProtocolPolicyAsString(),
                        "origin_read_timeout", number(custom.originReadTimeout()),
                        "origin_ssl_protocols", custom.originSslProtocols() == null
                                ? List.of() : custom.originSslProtocols().itemsAsStrings())),
                "domain_name", o.domainName(),
                "origin_access_control_id", o.originAccessControlId(),
                "origin_id", o.id(),
                "origin_path", o.originPath(),
                // AWS answers a disabled shield; the provider writes none.
                "origin_shield", shield == null || !flag(shield.enabled()) ? List.of() : List.of(block("enabled", true,
                        "origin_shield_region", shield.originShieldRegion())),
                // An S3 origin without an identity (OAC or public) comes back with an empty one: the provider omits it.
                "s3_origin_config", s3 == null || s3.originAccessIdentity() == null || s3.originAccessIdentity().isEmpty()
                        ? List.of() : List.of(block("origin_access_identity", s3.originAccessIdentity())),
                "vpc_origin_config", vpc == null ? List.of() : List.of(block(
                        "origin_keepalive_timeout", number(vpc.originKeepaliveTimeout()),
                        "origin_read_timeout", number(vpc.originReadTimeout()), "vpc_origin_id", vpc.vpcOriginId())));
    }

    private static Map<String, Object> originGroup(OriginGroup g) {
        return block(
                "origin_id", g.id(),
                "failover_criteria", g.failoverCriteria() == null ? List.of() : List.of(block("status_codes",
                        g.failoverCriteria().statusCodes() == null ? List.of() : g.failoverCriteria().statusCodes().items())),
                "member", g.members() == null ? List.of() : g.members().items().stream()
                        .map(m -> block("origin_id", m.originId())).toList());
    }

    private static Map<String, Object> errorResponse(CustomErrorResponse r) {
        return block(
                "error_caching_min_ttl", number(r.errorCachingMinTTL()),
                "error_code", number(r.errorCode()),
                "response_code", r.responseCode() == null || r.responseCode().isEmpty() ? 0 : Integer.parseInt(r.responseCode()),
                "response_page_path", r.responsePagePath());
    }

    private static boolean flag(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static Number number(Number value) {
        return value == null ? 0 : value;
    }

    /** A map from alternating names and values, keeping nulls (absent in AWS). */
    private static Map<String, Object> block(Object... namesAndValues) {
        Map<String, Object> block = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            block.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return block;
    }
}
