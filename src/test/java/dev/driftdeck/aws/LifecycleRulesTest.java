package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import dev.driftdeck.state.TfStateParser;
import dev.driftdeck.testing.MotoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * {@code aws_s3_bucket_lifecycle_configuration} compares its rules. The state is the one Terraform 1.11 with
 * provider 5.100.0 wrote against moto ({@code fixtures/terraform/lifecycle}, {@code scripts/make-tfstate-fixtures.sh});
 * each test puts rules into a fresh moto with the SDK and reconciles the two as a scan does.
 */
class LifecycleRulesTest {

    private static final String TYPE = "aws_s3_bucket_lifecycle_configuration";
    private static final String BUCKET = "lifecycle-rules";

    private S3Client s3;

    @BeforeEach
    void bucket() {
        MotoServer.shared().reset();
        s3 = MotoAws.operatorS3();
        s3.createBucket(r -> r.bucket(BUCKET));
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void theRulesTerraformWroteAreInSyncWithTheSameRulesLiveInAnotherOrder() throws Exception {
        List<LifecycleRule> rules = new ArrayList<>(asTerraformConfiguredThem(7));
        java.util.Collections.reverse(rules);
        put(rules);

        Finding finding = reconcile(terraformState());

        assertThat(finding.status()).as(finding.diffs().toString()).isEqualTo(FindingStatus.IN_SYNC);
        assertThat(finding.notInState()).isEmpty();
    }

    @Test
    void rulesChangedAddedOrRemovedByHandAreEachNamedByTheirId() throws Exception {
        List<LifecycleRule> rules = new ArrayList<>(asTerraformConfiguredThem(30));
        rules.removeIf(rule -> rule.id().equals("uploads"));
        rules.add(LifecycleRule.builder().id("by-hand").status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix("cache/")).expiration(e -> e.days(2)).build());
        put(rules);

        Finding finding = reconcile(terraformState());

        assertThat(finding.status()).isEqualTo(FindingStatus.CHANGED);
        assertThat(finding.diffs()).extracting(AttributeDiff::dottedPath, AttributeDiff::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rule.by-hand", DiffKind.ADDED),
                org.assertj.core.groups.Tuple.tuple("rule.expire-tmp", DiffKind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("rule.uploads", DiffKind.REMOVED));
        AttributeDiff changed = finding.diffs().get(1);
        assertThat(changed.expected()).contains("\"days\":7").doesNotContain("\"days\":30");
        assertThat(changed.actual()).contains("\"days\":30");
    }

    /**
     * Terraform cannot create an {@code and} filter against moto (the provider waits forever for it to read back the
     * same), so this rule's state is built in the provider's schema shape: every nested block a list, unset fields
     * null, the {@code and} block's tags a map.
     */
    @Test
    void andFiltersCompareInTheProvidersShape() throws Exception {
        put(List.of(LifecycleRule.builder().id("archive-logs").status(ExpirationStatus.ENABLED)
                .filter(f -> f.and(a -> a.prefix("logs/")
                        .tags(t -> t.key("Class").value("archive"), t -> t.key("Team").value("ops"))))
                .transitions(t -> t.days(30).storageClass(TransitionStorageClass.GLACIER))
                .build()));
        StateSnapshot state = stateWithOneRule(Map.of("Class", "archive", "Team", "ops"));

        Finding inSync = reconcile(state);
        assertThat(inSync.status()).as(inSync.diffs().toString()).isEqualTo(FindingStatus.IN_SYNC);

        Finding changed = reconcile(stateWithOneRule(Map.of("Class", "archive", "Team", "dev")));
        assertThat(changed.status()).isEqualTo(FindingStatus.CHANGED);
        assertThat(changed.diffs()).singleElement().satisfies(diff -> {
            assertThat(diff.dottedPath()).isEqualTo("rule.archive-logs");
            assertThat(diff.expected()).contains("\"Team\":\"dev\"");
            assertThat(diff.actual()).contains("\"Team\":\"ops\"");
        });
    }

    /** The rules of fixtures/terraform/lifecycle/main.tf, with the first rule's expiration in days. */
    private static List<LifecycleRule> asTerraformConfiguredThem(int expireTmpDays) {
        return List.of(
                LifecycleRule.builder().id("expire-tmp").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("tmp/")).expiration(e -> e.days(expireTmpDays)).build(),
                LifecycleRule.builder().id("archive").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("data/"))
                        .transitions(t -> t.days(90).storageClass(TransitionStorageClass.GLACIER),
                                t -> t.days(30).storageClass(TransitionStorageClass.STANDARD_IA))
                        .noncurrentVersionExpiration(e -> e.noncurrentDays(60))
                        .noncurrentVersionTransitions(t -> t.noncurrentDays(30).storageClass("GLACIER")).build(),
                LifecycleRule.builder().id("uploads").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("uploads/"))
                        .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(3)).build(),
                LifecycleRule.builder().id("temporary").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.tag(t -> t.key("Temp").value("yes"))).expiration(e -> e.days(1)).build(),
                LifecycleRule.builder().id("everything-paused").status(ExpirationStatus.DISABLED)
                        .filter(f -> f.prefix("")).expiration(e -> e.days(365)).build());
    }

    private void put(List<LifecycleRule> rules) {
        s3.putBucketLifecycleConfiguration(r -> r.bucket(BUCKET).lifecycleConfiguration(c -> c.rules(rules)));
    }

    private static StateSnapshot terraformState() throws Exception {
        Path file = Path.of(LifecycleRulesTest.class.getResource("/tfstate/moto-lifecycle.tfstate").toURI());
        return new TfStateParser().parse(file);
    }

    private static StateSnapshot stateWithOneRule(Map<String, String> andTags) {
        Map<String, Object> and = new HashMap<>();
        and.put("object_size_greater_than", null); // moto 5.2.1 drops object sizes from filters
        and.put("object_size_less_than", null);
        and.put("prefix", "logs/");
        and.put("tags", andTags);
        Map<String, Object> filter = new HashMap<>();
        filter.put("and", List.of(and));
        filter.put("object_size_greater_than", null);
        filter.put("object_size_less_than", null);
        filter.put("prefix", null);
        filter.put("tag", List.of());
        Map<String, Object> transition = new HashMap<>();
        transition.put("date", null);
        transition.put("days", 30);
        transition.put("storage_class", "GLACIER");
        Map<String, Object> rule = new HashMap<>();
        rule.put("abort_incomplete_multipart_upload", List.of());
        rule.put("expiration", List.of());
        rule.put("filter", List.of(filter));
        rule.put("id", "archive-logs");
        rule.put("noncurrent_version_expiration", List.of());
        rule.put("noncurrent_version_transition", List.of());
        rule.put("prefix", "");
        rule.put("status", "Enabled");
        rule.put("transition", List.of(transition));
        StateResource resource = new StateResource(TYPE + ".logs", "", TYPE, "logs", BUCKET, "hand.tfstate",
                Map.of("id", BUCKET, "bucket", BUCKET, "expected_bucket_owner", "", "rule", List.of(rule),
                        "transition_default_minimum_object_size", "all_storage_classes_128K"));
        return new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", List.of(resource));
    }

    /** Lists the bucket and its lifecycle as a scan managing both does, reconciles, returns the lifecycle finding. */
    private static Finding reconcile(StateSnapshot state) {
        List<ListingOutcome> outcomes = new ArrayList<>();
        for (String type : List.of("aws_s3_bucket", TYPE)) {
            outcomes.add(new ListingOutcome.Listed(new ListingScope(MotoAws.ACCOUNT, ListingScope.GLOBAL, type),
                    MotoAws.list(type, false)));
        }
        var result = new Reconciler(Collectors.specs()).reconcile(List.of(state),
                new LiveInventory(outcomes, Map.of()), IgnoreRules.none());
        return result.findings().stream().filter(f -> f.type().equals(TYPE)).findFirst().orElseThrow();
    }
}
