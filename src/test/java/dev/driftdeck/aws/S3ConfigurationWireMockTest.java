package dev.driftdeck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S3 configurations moto 5.2.1 cannot answer (request payment, metrics, analytics, intelligent tiering: it
 * returns a bucket listing for their reads, so Terraform cannot apply them against it either), and inventory's
 * optional fields (which moto lists as {@code Field}): WireMock answers with the XML AWS documents for each read
 * (S3 API reference, response syntax), and states in the provider 5.100.0 schema's shape are reconciled with what
 * the collectors make of it.
 */
class S3ConfigurationWireMockTest {

    private static final String XMLNS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
    private static final String BUCKET = "reports";

    private WireMockServer aws;

    @BeforeEach
    void answerAsAwsDocumentsIt() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        stub("/", null, "<ListAllMyBucketsResult" + XMLNS + "><Owner><ID>owner</ID></Owner><Buckets>"
                + "<Bucket><Name>" + BUCKET + "</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket>"
                + "<Bucket><Name>unmanaged</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket>"
                + "</Buckets></ListAllMyBucketsResult>");
        stub("/" + BUCKET, "requestPayment",
                "<RequestPaymentConfiguration" + XMLNS + "><Payer>Requester</Payer></RequestPaymentConfiguration>");
        // Two pages: the second carries a metric configuration made by hand.
        stub("/" + BUCKET, "metrics", "<ListMetricsConfigurationsResult" + XMLNS + "><IsTruncated>true</IsTruncated>"
                + "<NextContinuationToken>page-2</NextContinuationToken><MetricsConfiguration><Id>documents</Id>"
                + "<Filter><And><Prefix>documents/</Prefix><Tag><Key>priority</Key><Value>high</Value></Tag></And>"
                + "</Filter></MetricsConfiguration></ListMetricsConfigurationsResult>");
        aws.stubFor(get(urlPathEqualTo("/" + BUCKET)).atPriority(1).withQueryParam("metrics", matching(".*"))
                .withQueryParam("continuation-token", equalTo("page-2"))
                .willReturn(xml("<ListMetricsConfigurationsResult" + XMLNS + "><IsTruncated>false</IsTruncated>"
                        + "<ContinuationToken>page-2</ContinuationToken><MetricsConfiguration><Id>by-hand</Id>"
                        + "</MetricsConfiguration></ListMetricsConfigurationsResult>")));
        stub("/" + BUCKET, "analytics", "<ListBucketAnalyticsConfigurationResult" + XMLNS + "><IsTruncated>false"
                + "</IsTruncated><AnalyticsConfiguration><Id>logs</Id><Filter><Prefix>logs/</Prefix></Filter>"
                + "<StorageClassAnalysis><DataExport><OutputSchemaVersion>V_1</OutputSchemaVersion><Destination>"
                + "<S3BucketDestination><Format>CSV</Format><BucketAccountId>123456789012</BucketAccountId>"
                + "<Bucket>arn:aws:s3:::analytics-out</Bucket><Prefix>analysis/</Prefix></S3BucketDestination>"
                + "</Destination></DataExport></StorageClassAnalysis></AnalyticsConfiguration>"
                + "</ListBucketAnalyticsConfigurationResult>");
        stub("/" + BUCKET, "intelligent-tiering", "<ListBucketIntelligentTieringConfigurationsOutput" + XMLNS + ">"
                + "<IsTruncated>false</IsTruncated><IntelligentTieringConfiguration><Id>media</Id><Filter>"
                + "<Prefix>media/</Prefix></Filter><Status>Enabled</Status>"
                + "<Tiering><Days>180</Days><AccessTier>DEEP_ARCHIVE_ACCESS</AccessTier></Tiering>"
                + "<Tiering><Days>90</Days><AccessTier>ARCHIVE_ACCESS</AccessTier></Tiering>"
                + "</IntelligentTieringConfiguration></ListBucketIntelligentTieringConfigurationsOutput>");
        stub("/" + BUCKET, "inventory", "<ListInventoryConfigurationsResult" + XMLNS + "><InventoryConfiguration>"
                + "<Destination><S3BucketDestination><Format>Parquet</Format><Bucket>arn:aws:s3:::inventory-out</Bucket>"
                + "<Prefix>inv</Prefix><Encryption><SSE-KMS><KeyId>arn:aws:kms:us-east-1:123456789012:key/k1</KeyId>"
                + "</SSE-KMS></Encryption></S3BucketDestination></Destination><IsEnabled>true</IsEnabled>"
                + "<Filter><Prefix>data/</Prefix></Filter><Id>weekly</Id><IncludedObjectVersions>Current"
                + "</IncludedObjectVersions><OptionalFields><Field>Size</Field><Field>StorageClass</Field>"
                + "<Field>ETag</Field></OptionalFields><Schedule><Frequency>Weekly</Frequency></Schedule>"
                + "</InventoryConfiguration><IsTruncated>false</IsTruncated></ListInventoryConfigurationsResult>");
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void configurationsAsTerraformWroteThemAreInSyncAndOneMadeByHandIsUnmanaged() {
        Map<String, Finding> findings = reconcile(state(Map.of()));

        assertThat(findings.keySet()).containsExactlyInAnyOrder(
                "aws_s3_bucket_request_payment_configuration.reports", "aws_s3_bucket_metric.documents",
                "aws_s3_bucket_analytics_configuration.logs", "aws_s3_bucket_intelligent_tiering_configuration.media",
                "aws_s3_bucket_inventory.weekly", "aws_s3_bucket_metric reports:by-hand");
        findings.forEach((who, finding) -> assertThat(finding.status()).as(who + " " + finding.diffs())
                .isEqualTo(who.contains(" ") ? FindingStatus.UNMANAGED : FindingStatus.IN_SYNC));
    }

    @Test
    void consoleChangesShowOnTheAttributeTheyChange() {
        Map<String, Finding> findings = reconcile(state(Map.of(
                "payer", "BucketOwner",
                "metric_prefix", "docs/",
                "analytics_format", "Parquet",
                "tiering_days", 120,
                "optional_fields", List.of("Size", "ETag"))));

        TreeSet<String> changed = new TreeSet<>();
        findings.forEach((who, finding) -> finding.diffs().forEach(diff -> changed.add(who + " " + diff.dottedPath())));
        assertThat(changed).containsExactly(
                "aws_s3_bucket_analytics_configuration.logs storage_class_analysis",
                "aws_s3_bucket_intelligent_tiering_configuration.media tiering",
                "aws_s3_bucket_inventory.weekly optional_fields",
                "aws_s3_bucket_metric.documents filter",
                "aws_s3_bucket_request_payment_configuration.reports payer");
    }

    @Test
    void aBucketNoStateManagesCostsNoConfigurationCall() {
        reconcile(state(Map.of()));

        aws.verify(1, getRequestedFor(urlPathEqualTo("/")));
        aws.verify(0, getRequestedFor(urlPathEqualTo("/unmanaged")));
        aws.verify(2, getRequestedFor(urlPathEqualTo("/" + BUCKET)).withQueryParam("metrics", matching(".*")));
    }

    private void stub(String path, String subResource, String body) {
        var request = get(urlPathEqualTo(path)).atPriority(5);
        if (subResource != null) {
            request = request.withQueryParam(subResource, matching(".*"));
        }
        aws.stubFor(request.willReturn(xml(body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body);
    }

    /** Lists the five types as a scan of {@code state} does, reconciles; findings by address or "type id". */
    private Map<String, Finding> reconcile(StateSnapshot state) {
        Reconciler reconciler = new Reconciler(Collectors.specs());
        ManagedState managed = new ManagedState(reconciler.managedByType(List.of(state)));
        List<ListingOutcome> outcomes = new ArrayList<>();
        try (AwsSession session = AwsSession.open(new AwsTarget(null, MotoAws.REGION, aws.baseUrl()),
                MotoAws.CREDENTIALS, MotoAws.FAST)) {
            for (String type : List.of("aws_s3_bucket_request_payment_configuration", "aws_s3_bucket_metric",
                    "aws_s3_bucket_analytics_configuration", "aws_s3_bucket_intelligent_tiering_configuration",
                    "aws_s3_bucket_inventory")) {
                Collector collector = Collectors.forType(type).orElseThrow();
                outcomes.add(new ListingOutcome.Listed(new ListingScope(MotoAws.ACCOUNT, ListingScope.GLOBAL, type),
                        collector.list(new CollectorContext(session, MotoAws.ACCOUNT, ListingScope.GLOBAL, false, managed))));
            }
        }
        Map<String, Finding> byWho = new HashMap<>();
        reconciler.reconcile(List.of(state), new LiveInventory(outcomes, Map.of()), IgnoreRules.none()).findings()
                .stream().filter(f -> !f.type().equals("aws_s3_bucket"))
                .forEach(f -> byWho.put(f.address() != null ? f.address() : f.type() + " " + f.id(), f));
        return byWho;
    }

    /**
     * The state provider 5.100.0 writes for these configurations (every schema attribute, unset ones empty), with
     * the values of {@code changes} in place of those of the live configuration.
     */
    private static StateSnapshot state(Map<String, Object> changes) {
        List<StateResource> resources = new ArrayList<>();
        resources.add(resource("aws_s3_bucket", BUCKET, BUCKET, Map.of("bucket", BUCKET, "tags", Map.of())));
        resources.add(resource("aws_s3_bucket_request_payment_configuration", BUCKET, BUCKET, Map.of(
                "bucket", BUCKET, "expected_bucket_owner", "", "payer", changes.getOrDefault("payer", "Requester"))));
        resources.add(resource("aws_s3_bucket_metric", "documents", BUCKET + ":documents", Map.of(
                "bucket", BUCKET, "name", "documents", "filter", List.of(Map.of("access_point", "",
                        "prefix", changes.getOrDefault("metric_prefix", "documents/"),
                        "tags", Map.of("priority", "high"))))));
        resources.add(resource("aws_s3_bucket_analytics_configuration", "logs", BUCKET + ":logs", Map.of(
                "bucket", BUCKET, "name", "logs", "filter", List.of(Map.of("prefix", "logs/", "tags", Map.of())),
                "storage_class_analysis", List.of(Map.of("data_export", List.of(Map.of(
                        "output_schema_version", "V_1",
                        "destination", List.of(Map.of("s3_bucket_destination", List.of(Map.of(
                                "bucket_account_id", "123456789012", "bucket_arn", "arn:aws:s3:::analytics-out",
                                "format", changes.getOrDefault("analytics_format", "CSV"),
                                "prefix", "analysis/")))))))))));
        resources.add(resource("aws_s3_bucket_intelligent_tiering_configuration", "media", BUCKET + ":media", Map.of(
                "bucket", BUCKET, "name", "media", "status", "Enabled",
                "filter", List.of(Map.of("prefix", "media/", "tags", Map.of())),
                "tiering", List.of(Map.of("access_tier", "ARCHIVE_ACCESS", "days", changes.getOrDefault("tiering_days", 90)),
                        Map.of("access_tier", "DEEP_ARCHIVE_ACCESS", "days", 180)))));
        resources.add(resource("aws_s3_bucket_inventory", "weekly", BUCKET + ":weekly", Map.of(
                "bucket", BUCKET, "name", "weekly", "enabled", true, "included_object_versions", "Current",
                "optional_fields", changes.getOrDefault("optional_fields", List.of("ETag", "Size", "StorageClass")),
                "filter", List.of(Map.of("prefix", "data/")),
                "schedule", List.of(Map.of("frequency", "Weekly")),
                "destination", List.of(Map.of("bucket", List.of(Map.of("account_id", "",
                        "bucket_arn", "arn:aws:s3:::inventory-out", "format", "Parquet", "prefix", "inv",
                        "encryption", List.of(Map.of(
                                "sse_kms", List.of(Map.of("key_id", "arn:aws:kms:us-east-1:123456789012:key/k1")),
                                "sse_s3", List.of())))))))));
        return new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", resources);
    }

    private static StateResource resource(String type, String name, String id, Map<String, Object> attributes) {
        Map<String, Object> withId = new HashMap<>(attributes);
        withId.put("id", id);
        return new StateResource(type + "." + name, "", type, name, id, "hand.tfstate", withId);
    }
}
