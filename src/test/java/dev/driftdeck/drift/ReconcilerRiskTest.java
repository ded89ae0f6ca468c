package dev.driftdeck.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.risk.Risk;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reconciler grades each drift: risks introduced, fixed, defaults by status and type. */
class ReconcilerRiskTest {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";
    private static final Map<String, Object> HTTPS = rule(443, "10.0.0.0/8");
    private static final Map<String, Object> SSH_WORLD = rule(22, "0.0.0.0/0");

    private final Reconciler reconciler = new Reconciler(List.of(
            new TypeSpec("aws_security_group", List.of(), List.of(new AttributeRule("ingress", Normalization.SET),
                    new AttributeRule("tags", Normalization.TAGS))),
            new TypeSpec("aws_s3_bucket_public_access_block", List.of(), List.of(
                    new AttributeRule("block_public_acls", Normalization.SCALAR))),
            new TypeSpec("aws_iam_user_policy_attachment", List.of("user", "policy_arn"), List.of()),
            new TypeSpec("aws_sqs_queue", List.of(), List.of(new AttributeRule("tags", Normalization.TAGS)))));

    @Test
    void portTwentyTwoOpenedToTheWorldIsAHighRiskIntroducedByTheDrift() {
        Finding finding = reconcileGroup(List.of(HTTPS), List.of(HTTPS, SSH_WORLD));

        assertThat(finding.status()).isEqualTo(FindingStatus.CHANGED);
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.risks()).extracting(Risk::rule, Risk::effect)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DD-SG-001", Risk.Effect.INTRODUCED));
    }

    @Test
    void closingTheOpenPortIsShownAsAFixAndTheSeverityFallsBackToTheDefault() {
        Finding finding = reconcileGroup(List.of(HTTPS, SSH_WORLD), List.of(HTTPS));

        assertThat(finding.risks()).extracting(Risk::rule, Risk::effect)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DD-SG-001", Risk.Effect.FIXED));
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM); // a security group changed: sensitive type
    }

    @Test
    void aTagOnlyChangeIsInfo() {
        StateResource queue = new StateResource("aws_sqs_queue.q", "", "aws_sqs_queue", "q", "q1", "s",
                Map.of("id", "q1", "tags", Map.of("Owner", "ops")));
        LiveInventory live = inventory("aws_sqs_queue",
                new LiveResource("aws_sqs_queue", "q1", ACCOUNT, REGION, Map.of("tags", Map.of("Owner", "dev"))));

        Finding finding = only(reconciler.reconcile(List.of(state(queue)), live, IgnoreRules.none()));

        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.risks()).isEmpty();
    }

    @Test
    void aDeletedPublicAccessBlockIsMissingAndHigh() {
        StateResource block = new StateResource("aws_s3_bucket_public_access_block.b", "",
                "aws_s3_bucket_public_access_block", "b", "bucket-1", "s",
                Map.of("id", "bucket-1", "block_public_acls", true, "block_public_policy", true,
                        "ignore_public_acls", true, "restrict_public_buckets", true));
        LiveInventory live = inventory("aws_s3_bucket_public_access_block");

        Finding finding = only(reconciler.reconcile(List.of(state(block)), live, IgnoreRules.none()));

        assertThat(finding.status()).isEqualTo(FindingStatus.MISSING);
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.risks()).extracting(Risk::rule).containsExactly("DD-S3-002");
    }

    @Test
    void anUnmanagedAdministratorAttachmentOnAUserIsCritical() {
        LiveInventory live = inventory("aws_iam_user_policy_attachment",
                new LiveResource("aws_iam_user_policy_attachment", "mallory/arn:aws:iam::aws:policy/AdministratorAccess",
                        ACCOUNT, "global", Map.of("user", "mallory",
                        "policy_arn", "arn:aws:iam::aws:policy/AdministratorAccess")));

        Finding finding = only(reconciler.reconcile(List.of(), live, IgnoreRules.none()));

        assertThat(finding.status()).isEqualTo(FindingStatus.UNMANAGED);
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.risks()).extracting(Risk::rule).containsExactly("DD-IAM-002");
    }

    @Test
    void anIgnoredAttributeIsNeverARisk() {
        StateResource group = group(List.of(HTTPS));
        LiveInventory live = inventory("aws_security_group",
                new LiveResource("aws_security_group", "sg-1", ACCOUNT, REGION, Map.of("ingress", List.of(HTTPS, SSH_WORLD),
                        "tags", Map.of("Owner", "dev"))));
        IgnoreRules ignore = IgnoreRules.parse(List.of("aws_security_group.sg-1.ingress"), ".driftignore");

        Finding finding = only(reconciler.reconcile(List.of(state(group)), live, ignore));

        assertThat(finding.risks()).isEmpty();
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
    }

    private Finding reconcileGroup(List<Map<String, Object>> stateIngress, List<Map<String, Object>> liveIngress) {
        LiveInventory live = inventory("aws_security_group", new LiveResource("aws_security_group", "sg-1", ACCOUNT,
                REGION, Map.of("ingress", liveIngress, "tags", Map.of())));
        return only(reconciler.reconcile(List.of(state(group(stateIngress))), live, IgnoreRules.none()));
    }

    private static StateResource group(List<Map<String, Object>> ingress) {
        return new StateResource("aws_security_group.web", "", "aws_security_group", "web", "sg-1", "s",
                Map.of("id", "sg-1", "ingress", ingress, "tags", Map.of()));
    }

    private static Map<String, Object> rule(int port, String cidr) {
        return Map.of("protocol", "tcp", "from_port", port, "to_port", port, "cidr_blocks", List.of(cidr),
                "ipv6_cidr_blocks", List.of(), "self", false, "description", "");
    }

    private static Finding only(Reconciliation result) {
        assertThat(result.findings()).hasSize(1);
        return result.findings().getFirst();
    }

    private static StateSnapshot state(StateResource... resources) {
        return new StateSnapshot("prod.tfstate", 3, "lineage", "1.11.4", List.of(resources));
    }

    private static LiveInventory inventory(String type, LiveResource... resources) {
        return new LiveInventory(List.of(new ListingOutcome.Listed(new ListingScope(ACCOUNT,
                type.startsWith("aws_s3") || type.startsWith("aws_iam") ? "global" : REGION, type),
                List.of(resources))), Map.of());
    }
}
