package dev.driftdeck.aws;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Every AWS client of one scan, built over ONE shared HTTP connection pool, with adaptive retry and the
 * {@link ApiCallCounter} on every client. Open one per scan and close it at the end: closing releases the pool.
 *
 * <p>Thread-safe: clients are created on first use per region and reused.
 */
public final class AwsSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AwsSession.class);

    private final AwsTarget target;
    private final AwsCredentialsProvider credentials;
    private final SessionOptions options;
    private final URI endpoint;
    private final SdkHttpClient httpClient;
    private final ApiCallCounter counter = new ApiCallCounter();
    private final StopCheck stopCheck = new StopCheck();
    private final RateLimiter rateLimiter;
    // CloudTrail allows LookupEvents 2 calls per second per account and region: this session is one account.
    private final RateLimiter lookupLimiter = new RateLimiter(2);
    private final Map<String, SdkAutoCloseable> clients = new ConcurrentHashMap<>();
    private volatile String accountId;
    private List<Bucket> buckets;
    private IamAuthorization iamAuthorization;
    private final SharedListings shared = new SharedListings();

    private AwsSession(AwsTarget target, AwsCredentialsProvider credentials, SessionOptions options) {
        this.target = target;
        this.options = options;
        this.rateLimiter = new RateLimiter(options.requestsPerSecond());
        String override = target.effectiveEndpoint();
        this.endpoint = override == null ? null : URI.create(override);
        this.httpClient = ApacheHttpClient.builder()
                .connectionTimeout(options.connectTimeout())
                .maxConnections(32)
                .build();
        this.credentials = target.roleArn() == null ? credentials : assumeRole(credentials);
    }

    /**
     * The target's role, assumed with the base credentials (and its external id), refreshed by the SDK before the
     * temporary credentials expire. The STS client that assumes it is not counted: it is not a listing call.
     */
    private AwsCredentialsProvider assumeRole(AwsCredentialsProvider base) {
        StsClient baseSts = withEndpoint(StsClient.builder().region(Region.of(target.region()))
                .credentialsProvider(base).httpClient(httpClient)).build();
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(baseSts)
                .refreshRequest(r -> r.roleArn(target.roleArn()).externalId(target.externalId())
                        .roleSessionName("driftdeck-scan"))
                .build();
    }

    private <B extends AwsClientBuilder<B, ?>> B withEndpoint(B builder) {
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /**
     * A session with the named profile from {@code target}, or the default credential chain when it has none (which
     * resolves SSO profiles through the sso/ssooidc modules); the target's role is assumed on top when it names one.
     */
    public static AwsSession open(AwsTarget target) {
        return open(target, SessionOptions.defaults());
    }

    /** As {@link #open(AwsTarget)} with other limits (a quick access check). */
    public static AwsSession open(AwsTarget target, SessionOptions options) {
        AwsCredentialsProvider credentials = target.profile() == null
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(target.profile());
        return new AwsSession(target, credentials, options);
    }

    /** A session with explicit credentials and limits (tests, assumed roles). */
    public static AwsSession open(AwsTarget target, AwsCredentialsProvider credentials, SessionOptions options) {
        return new AwsSession(target, credentials, options);
    }

    public AwsTarget target() {
        return target;
    }

    public ApiCallCounter counter() {
        return counter;
    }

    /**
     * From now on every AWS call of this session first asks {@code condition} and, when it is true, throws
     * {@link ListingStoppedException} instead of calling: the scan owning the session was cancelled.
     */
    public void stopWhen(java.util.function.BooleanSupplier condition) {
        stopCheck.stopWhen(condition);
    }

    /** True once the condition given to {@link #stopWhen} holds. */
    public boolean stopRequested() {
        return stopCheck.stopRequested();
    }

    /** The account the credentials belong to, from STS GetCallerIdentity (called once). */
    public String accountId() {
        if (accountId == null) {
            accountId = sts().getCallerIdentity().account();
            log.info("Scanning account {} from home region {}", accountId, target.region());
        }
        return accountId;
    }

    public Ec2Client ec2(String region) {
        return client("ec2:" + region, () -> configure(Ec2Client.builder(), region).build());
    }

    /** S3 from the home region; cross-region access lets per-bucket calls follow a bucket to its own region. */
    public S3Client s3() {
        return client("s3", () -> configure(S3Client.builder(), target.region())
                .forcePathStyle(endpoint != null)
                .crossRegionAccessEnabled(true)
                .build());
    }

    /**
     * S3 in one region, for the regional control-plane listing of directory buckets. That listing is signed with
     * plain SigV4 in AWS; S3 Express session auth (for a bucket's objects) is off, since with an endpoint override
     * the SDK would otherwise ask for a session of a bucket the call does not name.
     */
    public S3Client s3(String region) {
        return client("s3:" + region, () -> configure(S3Client.builder(), region)
                .disableS3ExpressSessionAuth(true)
                .build());
    }

    /** IAM is global: its endpoint lives in the partition's global region unless an endpoint is overridden. */
    public IamClient iam() {
        return client("iam", () -> configure(IamClient.builder(), Region.AWS_GLOBAL.id()).build());
    }

    public Route53Client route53() {
        return client("route53", () -> configure(Route53Client.builder(), Region.AWS_GLOBAL.id()).build());
    }

    public KmsClient kms(String region) {
        return client("kms:" + region, () -> configure(KmsClient.builder(), region).build());
    }

    public SqsClient sqs(String region) {
        return client("sqs:" + region, () -> configure(SqsClient.builder(), region).build());
    }

    public SnsClient sns(String region) {
        return client("sns:" + region, () -> configure(SnsClient.builder(), region).build());
    }

    public LambdaClient lambda(String region) {
        return client("lambda:" + region, () -> configure(LambdaClient.builder(), region).build());
    }

    public ElasticLoadBalancingV2Client elbv2(String region) {
        return client("elbv2:" + region, () -> configure(ElasticLoadBalancingV2Client.builder(), region).build());
    }

    public RdsClient rds(String region) {
        return client("rds:" + region, () -> configure(RdsClient.builder(), region).build());
    }

    public ElastiCacheClient elastiCache(String region) {
        return client("elasticache:" + region, () -> configure(ElastiCacheClient.builder(), region).build());
    }

    /** CloudFront is global: its endpoint lives in the partition's global region unless an endpoint is overridden. */
    public CloudFrontClient cloudFront() {
        return client("cloudfront", () -> configure(CloudFrontClient.builder(), Region.AWS_GLOBAL.id()).build());
    }

    public EcrClient ecr(String region) {
        return client("ecr:" + region, () -> configure(EcrClient.builder(), region).build());
    }

    public EcsClient ecs(String region) {
        return client("ecs:" + region, () -> configure(EcsClient.builder(), region).build());
    }

    public AutoScalingClient autoscaling(String region) {
        return client("autoscaling:" + region, () -> configure(AutoScalingClient.builder(), region).build());
    }

    public EksClient eks(String region) {
        return client("eks:" + region, () -> configure(EksClient.builder(), region).build());
    }

    public AcmClient acm(String region) {
        return client("acm:" + region, () -> configure(AcmClient.builder(), region).build());
    }

    public DynamoDbClient dynamodb(String region) {
        return client("dynamodb:" + region, () -> configure(DynamoDbClient.builder(), region).build());
    }

    public CloudWatchLogsClient logs(String region) {
        return client("logs:" + region, () -> configure(CloudWatchLogsClient.builder(), region).build());
    }

    public SecretsManagerClient secretsManager(String region) {
        return client("secretsmanager:" + region, () -> configure(SecretsManagerClient.builder(), region).build());
    }

    public SsmClient ssm(String region) {
        return client("ssm:" + region, () -> configure(SsmClient.builder(), region).build());
    }

    public ApiGatewayClient apiGateway(String region) {
        return client("apigateway:" + region, () -> configure(ApiGatewayClient.builder(), region).build());
    }

    public ApiGatewayV2Client apiGatewayV2(String region) {
        return client("apigatewayv2:" + region, () -> configure(ApiGatewayV2Client.builder(), region).build());
    }

    public EventBridgeClient eventBridge(String region) {
        return client("events:" + region, () -> configure(EventBridgeClient.builder(), region).build());
    }

    public SfnClient sfn(String region) {
        return client("states:" + region, () -> configure(SfnClient.builder(), region).build());
    }

    public CloudTrailClient cloudTrail(String region) {
        return client("cloudtrail:" + region, () -> configure(CloudTrailClient.builder(), region).build());
    }

    /**
     * CloudTrail for {@code LookupEvents} only: on top of the session's ceiling, at most 2 requests per second in
     * this account and region, retries included, as CloudTrail throttles beyond that.
     */
    CloudTrailClient cloudTrailLookups(String region) {
        return client("cloudtrail-lookups:" + region,
                () -> configure(CloudTrailClient.builder(), region, lookupLimiter).build());
    }

    public CloudFormationClient cloudFormation(String region) {
        return client("cloudformation:" + region, () -> configure(CloudFormationClient.builder(), region).build());
    }

    /**
     * An API without an SDK module here (CloudWatch alarms, EFS, Application Auto Scaling, WAFv2, classic ELB,
     * S3 Control), read through {@link SignedRequests} with this session's credentials, endpoint, HTTP client,
     * retries and counter.
     */
    SignedRequests signed(RawApi api, String region) {
        return client("signed:" + api.iamPrefix() + ":" + api.apiVersion() + ":" + region, () -> new SignedRequests(
                api, region, endpoint, credentials, httpClient, retryStrategy(), options.apiCallTimeout(), counter,
                stopCheck, rateLimiter));
    }

    public StsClient sts() {
        return client("sts", () -> configure(StsClient.builder(), target.region()).build());
    }

    /**
     * Every bucket of the account, listed once per session: the four S3 collectors share one ListBuckets call.
     * A failed listing is not remembered, so each collector reports its own failure. Synchronized: the S3
     * collectors run in parallel, and the others wait for the one listing instead of listing again.
     */
    public synchronized List<Bucket> buckets() {
        List<Bucket> listed = buckets;
        if (listed == null) {
            // No MaxBuckets: moto truncates without a continuation token when it is set.
            listed = s3().listBucketsPaginator().buckets().stream().toList();
            buckets = listed;
        }
        return listed;
    }

    /**
     * Every role, user, group and customer-managed policy of the account with their attachments and inline
     * policies, from one paginated GetAccountAuthorizationDetails listing shared by all IAM collectors (the batch
     * API that spares one call per role and kind). A failed listing is not remembered.
     */
    public synchronized IamAuthorization iamAuthorization() {
        IamAuthorization listed = iamAuthorization;
        if (listed == null) {
            listed = IamAuthorization.list(iam());
            iamAuthorization = listed;
        }
        return listed;
    }

    /**
     * A listing several collectors share (the REST APIs of a region, the resources of one API, the scalable targets
     * that tell which namespaces can hold scaling policies), made once per session under {@code key}; the others
     * wait for it. See {@link SharedListings}.
     */
    <T> T shared(String key, java.util.function.Supplier<T> listing) {
        return shared.get(key, listing);
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String region,
                                                                                     RateLimiter... moreLimits) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy())
                .apiCallTimeout(options.apiCallTimeout())
                .addExecutionInterceptor(stopCheck)
                .addExecutionInterceptor(counter)
                .addExecutionInterceptor(rateLimiter);
        for (RateLimiter limit : moreLimits) {
            override.addExecutionInterceptor(limit);
        }
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(override.build());
        return withEndpoint(builder);
    }

    /** Adaptive retry with the session's attempts: one per client, as each SDK client keeps its own token bucket. */
    private RetryStrategy retryStrategy() {
        return AwsRetryStrategy.forRetryMode(RetryMode.ADAPTIVE_V2).toBuilder().maxAttempts(options.maxAttempts()).build();
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkAutoCloseable> C client(String key, java.util.function.Supplier<C> factory) {
        return (C) clients.computeIfAbsent(key, k -> factory.get());
    }

    /** Closes every client, then the shared pool (clients do not close an HTTP client they were given). */
    @Override
    public void close() {
        clients.values().forEach(client -> closeQuietly(client, "client"));
        clients.clear();
        closeQuietly(httpClient, "HTTP client");
        if (credentials instanceof AutoCloseable closeable) {
            closeQuietly(closeable, "credentials provider");
        }
    }

    private static void closeQuietly(AutoCloseable closeable, String what) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Closing the AWS {} failed; it is abandoned", what, e);
        }
    }
}
