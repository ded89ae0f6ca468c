package dev.driftdeck.aws;

/**
 * An AWS API read by {@link SignedRequests} because its SDK module is not among the project's dependencies: where it
 * lives, how requests are signed and which wire protocol it speaks.
 *
 * @param iamPrefix      the IAM action prefix; calls are counted and reported as {@code iamPrefix:Operation}
 * @param endpointPrefix the host prefix of the regional endpoint ({@code monitoring.us-east-1.amazonaws.com})
 * @param signingName    the SigV4 credential scope's service name
 * @param protocol       the wire protocol
 * @param apiVersion     the query protocol's {@code Version}; the JSON 1.1 {@code X-Amz-Target} prefix; unused by
 *                       REST-JSON and REST-XML (their version is in the path)
 */
record RawApi(String iamPrefix, String endpointPrefix, String signingName, Protocol protocol, String apiVersion) {

    enum Protocol {
        /** {@code Action=...&Version=...} form posts, XML responses (CloudWatch, classic ELB). */
        QUERY,
        /** {@code POST /} with {@code X-Amz-Target: Prefix.Operation} and a JSON body. */
        JSON_11,
        /** Operations as HTTP paths; only GET is ever sent. */
        REST_JSON,
        /** Operations as HTTP paths answered in XML (S3 Control); only GET is ever sent. */
        REST_XML
    }

    /** CloudWatch over the query protocol, which AWS still serves and moto answers (the SDK module speaks CBOR). */
    static final RawApi CLOUDWATCH = new RawApi("cloudwatch", "monitoring", "monitoring", Protocol.QUERY, "2010-08-01");
    /** Classic load balancers; elbv2 shares the endpoint and IAM prefix, told apart by {@code Version}. */
    static final RawApi ELB = new RawApi("elasticloadbalancing", "elasticloadbalancing", "elasticloadbalancing",
            Protocol.QUERY, "2012-06-01");
    static final RawApi EFS = new RawApi("elasticfilesystem", "elasticfilesystem", "elasticfilesystem",
            Protocol.REST_JSON, null);
    static final RawApi APPLICATION_AUTOSCALING = new RawApi("application-autoscaling", "application-autoscaling",
            "application-autoscaling", Protocol.JSON_11, "AnyScaleFrontendService");
    /**
     * S3 Control (account-level S3 settings), signed as {@code s3}; counted as {@code s3control:Operation}, whose IAM
     * actions {@link IamActions} spells as S3's ({@code s3:GetAccountPublicAccessBlock}).
     */
    static final RawApi S3_CONTROL = new RawApi("s3control", "s3-control", "s3", Protocol.REST_XML, null);

    /** Redshift over the query protocol; its lists name their items after the shape ({@code <Subnet>}). */
    static final RawApi REDSHIFT = new RawApi("redshift", "redshift", "redshift", Protocol.QUERY, "2012-12-01");
    static final RawApi WAFV2 = new RawApi("wafv2", "wafv2", "wafv2", Protocol.JSON_11, "AWSWAF_20190729");
}
