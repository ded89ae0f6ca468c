package dev.driftdeck.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.state.Sensitive;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";

    private static final TypeSpec INSTANCE = new TypeSpec("aws_instance", List.of(), List.of(
            new AttributeRule("instance_type", Normalization.STRING),
            new AttributeRule("tags", Normalization.TAGS)));
    private static final TypeSpec ROLE = new TypeSpec("aws_iam_role", List.of(), List.of(
            new AttributeRule("assume_role_policy", Normalization.JSON_DOCUMENT)));
    private static final TypeSpec SECURITY_GROUP = new TypeSpec("aws_security_group", List.of(), List.of(
            new AttributeRule("ingress", Normalization.SET)));
    private static final TypeSpec ATTACHMENT = new TypeSpec("aws_iam_role_policy_attachment",
            List.of("role", "policy_arn"), List.of());
    private static final TypeSpec DB = new TypeSpec("aws_db_instance", List.of(), List.of(
            new AttributeRule("password", Normalization.STRING),
            new AttributeRule("instance_class", Normalization.STRING)));

    private final Reconciler reconciler = new Reconciler(List.of(INSTANCE, ROLE, SECURITY_GROUP, ATTACHMENT, DB));

    @Test
    void classifiesInSyncChangedMissingAndUnmanaged() {
        StateSnapshot state = state(
                instance("web", "i-1", "t3.micro", Map.of("Env", "prod")),
                instance("api", "i-2", "t3.micro", Map.of("Env", "prod", "Owner", "ops")),
                instance("gone", "i-3", "t3.micro", Map.of()));
        LiveInventory live = inventory(listed("aws_instance",
                live("i-1", "t3.micro", Map.of("Env", "prod", "aws:cloudformation:stack", "x")),
                live("i-2", "t3.large", Map.of("Env", "dev")),
                live("i-9", "t3.nano", Map.of())));

        Reconciliation result = reconciler.reconcile(List.of(state), live, IgnoreRules.none());

        assertThat(result.findings()).extracting(Finding::id, Finding::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("i-1", FindingStatus.IN_SYNC),
                org.assertj.core.groups.Tuple.tuple("i-2", FindingStatus.CHANGED),
                org.assertj.core.groups.Tuple.tuple("i-3", FindingStatus.MISSING),
                org.assertj.core.groups.Tuple.tuple("i-9", FindingStatus.UNMANAGED));
        Finding changed = byId(result, "i-2");
        assertThat(changed.address()).isEqualTo("aws_instance.api");
        assertThat(changed.account()).isEqualTo(ACCOUNT);
        assertThat(changed.diffs()).containsExactly(
                new AttributeDiff(List.of("instance_type"), "\"t3.micro\"", "\"t3.large\"", DiffKind.CHANGED),
                new AttributeDiff(List.of("tags", "Env"), "\"prod\"", "\"dev\"", DiffKind.CHANGED),
                new AttributeDiff(List.of("tags", "Owner"), "\"ops\"", null, DiffKind.REMOVED));
        assertThat(result.alerts()).isEmpty();
    }

    @Test
    void attributesTheStateDoesNotHoldAreNotComparedAndNamedOnTheFinding() {
        // Written by an older provider (or by hand): no tags, no tags_all; the live instance has tags.
        StateResource old = new StateResource("aws_instance.old", "", "aws_instance", "old", "i-7", "prod.tfstate",
                Map.of("id", "i-7", "instance_type", "t3.micro"));
        LiveInventory live = inventory(listed("aws_instance", live("i-7", "t3.micro", Map.of("Env", "prod"))));

        Finding finding = byId(reconciler.reconcile(List.of(state(old)), live, IgnoreRules.none()), "i-7");

        assertThat(finding.status()).isEqualTo(FindingStatus.IN_SYNC);
        assertThat(finding.diffs()).isEmpty();
        assertThat(finding.notInState()).containsExactly("tags");
    }

    @Test
    void anExplicitNullInTheStateIsAValueAndIsCompared() {
        // Terraform writes every schema attribute; null there means "not set", which a live value contradicts.
        java.util.Map<String, Object> attributes = new java.util.HashMap<>();
        attributes.put("id", "i-8");
        attributes.put("instance_type", "t3.micro");
        attributes.put("tags", null);
        StateResource unset = new StateResource("aws_instance.unset", "", "aws_instance", "unset", "i-8",
                "prod.tfstate", attributes);
        LiveInventory live = inventory(listed("aws_instance", live("i-8", "t3.micro", Map.of("Env", "prod"))));

        Finding finding = byId(reconciler.reconcile(List.of(state(unset)), live, IgnoreRules.none()), "i-8");

        assertThat(finding.status()).isEqualTo(FindingStatus.CHANGED);
        assertThat(finding.diffs()).containsExactly(
                new AttributeDiff(List.of("tags", "Env"), null, "\"prod\"", DiffKind.ADDED));
        assertThat(finding.notInState()).isEmpty();
    }

    @Test
    void failedListingMakesResourcesNotCheckedNeverMissing() {
        StateSnapshot state = state(instance("web", "i-1", "t3.micro", Map.of()));
        LiveInventory live = inventory(new ListingOutcome.Failed(new ListingScope(ACCOUNT, REGION, "aws_instance"),
                "access denied", "ec2:DescribeInstances"));

        Reconciliation result = reconciler.reconcile(List.of(state), live, IgnoreRules.none());

        Finding finding = byId(result, "i-1");
        assertThat(finding.status()).isEqualTo(FindingStatus.NOT_CHECKED);
        assertThat(finding.note()).contains("access denied");
        assertThat(result.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.iamAction()).isEqualTo("ec2:DescribeInstances");
            assertThat(alert.message()).contains("aws_instance", ACCOUNT, REGION, "Grant ec2:DescribeInstances");
        });
    }

    @Test
    void oneFailedRegionKeepsResourceNotCheckedEvenWhenAnotherRegionListedFine() {
        StateSnapshot state = state(instance("web", "i-1", "t3.micro", Map.of()));
        LiveInventory live = inventory(
                listed("aws_instance"),
                new ListingOutcome.Failed(new ListingScope(ACCOUNT, "eu-west-1", "aws_instance"), "throttled", null));

        Finding finding = byId(reconciler.reconcile(List.of(state), live, IgnoreRules.none()), "i-1");

        assertThat(finding.status()).isEqualTo(FindingStatus.NOT_CHECKED);
    }

    @Test
    void resourceInARegionThatWasNotScannedIsNotCheckedRatherThanMissing() {
        StateResource inFrankfurt = new StateResource("aws_instance.eu", "", "aws_instance", "eu", "i-5", "prod.tfstate",
                Map.of("id", "i-5", "arn", "arn:aws:ec2:eu-central-1:" + ACCOUNT + ":instance/i-5"));

        Finding finding = byId(reconciler.reconcile(List.of(state(inFrankfurt)), inventory(listed("aws_instance")),
                IgnoreRules.none()), "i-5");

        assertThat(finding.status()).isEqualTo(FindingStatus.NOT_CHECKED);
        assertThat(finding.note()).contains("eu-central-1");
    }

    @Test
    void unsupportedTypeIsNotCheckedWithOneAlertPerType() {
        StateResource queue = new StateResource("aws_sqs_queue.q[\"orders\"]", "", "aws_sqs_queue", "q", "https://q", "s",
                Map.of("id", "https://q"));

        Reconciliation result = reconciler.reconcile(List.of(state(queue)), inventory(), IgnoreRules.none());

        assertThat(result.findings()).singleElement().extracting(Finding::status).isEqualTo(FindingStatus.NOT_CHECKED);
        assertThat(result.alerts()).singleElement().extracting(Alert::message).asString()
                .contains("1 aws_sqs_queue resource(s)", "does not support aws_sqs_queue");
    }

    @Test
    void policyDocumentsCompareAsCanonicalJsonEvenWhenUrlEncoded() {
        String statePolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";
        String livePolicy = "%7B%22Statement%22%3A%5B%7B%22Principal%22%3A%7B%22Service%22%3A%5B%22ec2.amazonaws.com%22%5D%7D%2C"
                + "%22Action%22%3A%5B%22sts%3AAssumeRole%22%5D%2C%22Effect%22%3A%22Allow%22%7D%5D%2C%22Version%22%3A%222012-10-17%22%7D";
        StateResource role = new StateResource("aws_iam_role.app", "", "aws_iam_role", "app", "app", "s",
                Map.of("id", "app", "assume_role_policy", statePolicy));
        LiveInventory live = inventory(new ListingOutcome.Listed(new ListingScope(ACCOUNT, ListingScope.GLOBAL, "aws_iam_role"),
                List.of(new LiveResource("aws_iam_role", "app", ACCOUNT, ListingScope.GLOBAL, Map.of("assume_role_policy", livePolicy)))));

        Finding finding = byId(reconciler.reconcile(List.of(state(role)), live, IgnoreRules.none()), "app");

        assertThat(finding.status()).isEqualTo(FindingStatus.IN_SYNC);
    }

    @Test
    void securityGroupRulesCompareAsSetsIgnoringOrderAndEmptyFields() {
        Map<String, Object> ssh = Map.of("from_port", 22, "to_port", 22, "protocol", "tcp",
                "cidr_blocks", List.of("10.0.0.0/8"), "description", "", "self", false, "security_groups", List.of());
        Map<String, Object> https = Map.of("from_port", 443, "to_port", 443, "protocol", "tcp",
                "cidr_blocks", List.of("0.0.0.0/0"), "self", false);
        StateResource group = new StateResource("aws_security_group.web", "", "aws_security_group", "web", "sg-1", "s",
                Map.of("id", "sg-1", "ingress", List.of(ssh, https)));
        Map<String, Object> liveSsh = Map.of("from_port", 22L, "to_port", 22L, "protocol", "tcp",
                "cidr_blocks", List.of("10.0.0.0/8"), "self", false);
        LiveInventory live = inventory(listed("aws_security_group",
                new LiveResource("aws_security_group", "sg-1", ACCOUNT, REGION, Map.of("ingress", List.of(https, liveSsh)))));

        assertThat(byId(reconciler.reconcile(List.of(state(group)), live, IgnoreRules.none()), "sg-1").status())
                .isEqualTo(FindingStatus.IN_SYNC);

        LiveInventory opened = inventory(listed("aws_security_group",
                new LiveResource("aws_security_group", "sg-1", ACCOUNT, REGION, Map.of("ingress", List.of(https)))));
        Finding changed = byId(reconciler.reconcile(List.of(state(group)), opened, IgnoreRules.none()), "sg-1");
        assertThat(changed.status()).isEqualTo(FindingStatus.CHANGED);
        assertThat(changed.diffs()).singleElement().extracting(AttributeDiff::dottedPath).isEqualTo("ingress");
    }

    @Test
    void insideASetElementAZeroOrFalseFieldIsTheNullAFirstApplyLeaves() {
        // A first apply writes null where the configuration said nothing; the next refresh writes AWS's 0 or false.
        Map<String, Object> firstApply = new java.util.HashMap<>(Map.of("from_port", 0, "to_port", 0, "protocol", "-1",
                "cidr_blocks", List.of("0.0.0.0/0")));
        firstApply.put("self", null);
        firstApply.put("icmp_code", null);
        StateResource group = new StateResource("aws_security_group.web", "", "aws_security_group", "web", "sg-1", "s",
                Map.of("id", "sg-1", "ingress", List.of(firstApply)));
        Map<String, Object> refreshed = Map.of("from_port", 0L, "to_port", 0L, "protocol", "-1",
                "cidr_blocks", List.of("0.0.0.0/0"), "self", false, "icmp_code", 0L);
        LiveInventory live = inventory(listed("aws_security_group",
                new LiveResource("aws_security_group", "sg-1", ACCOUNT, REGION, Map.of("ingress", List.of(refreshed)))));

        assertThat(byId(reconciler.reconcile(List.of(state(group)), live, IgnoreRules.none()), "sg-1").status())
                .isEqualTo(FindingStatus.IN_SYNC);

        Map<String, Object> selfReferencing = new java.util.HashMap<>(refreshed);
        selfReferencing.put("self", true);
        LiveInventory changed = inventory(listed("aws_security_group", new LiveResource("aws_security_group", "sg-1",
                ACCOUNT, REGION, Map.of("ingress", List.of(selfReferencing)))));
        assertThat(byId(reconciler.reconcile(List.of(state(group)), changed, IgnoreRules.none()), "sg-1").status())
                .isEqualTo(FindingStatus.CHANGED);
    }

    @Test
    void attachmentsMatchOnRoleAndPolicyArnNotOnTheirGeneratedStateId() {
        StateResource attachment = new StateResource("aws_iam_role_policy_attachment.a", "", "aws_iam_role_policy_attachment",
                "a", "app-20261128082500000000000001", "s",
                Map.of("id", "app-20261128082500000000000001", "role", "app", "policy_arn", "arn:aws:iam::123456789012:policy/p"));
        LiveInventory live = inventory(new ListingOutcome.Listed(
                new ListingScope(ACCOUNT, ListingScope.GLOBAL, "aws_iam_role_policy_attachment"),
                List.of(new LiveResource("aws_iam_role_policy_attachment", "app/arn:aws:iam::123456789012:policy/p",
                        ACCOUNT, ListingScope.GLOBAL, Map.of()))));

        Reconciliation result = reconciler.reconcile(List.of(state(attachment)), live, IgnoreRules.none());

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.IN_SYNC);
            assertThat(f.id()).isEqualTo("app/arn:aws:iam::123456789012:policy/p");
        });
    }

    @Test
    void maskedSecretsAreNeverComparedNorShown() {
        StateResource db = new StateResource("aws_db_instance.main", "", "aws_db_instance", "main", "db-1", "s",
                Map.of("id", "db-1", "password", Sensitive.MASK, "instance_class", "db.t3.micro"));
        LiveInventory live = inventory(listed("aws_db_instance", new LiveResource("aws_db_instance", "db-1", ACCOUNT, REGION,
                Map.of("password", "hunter2", "instance_class", "db.t3.micro"))));

        Finding finding = byId(reconciler.reconcile(List.of(state(db)), live, IgnoreRules.none()), "db-1");

        assertThat(finding.status()).isEqualTo(FindingStatus.IN_SYNC);
        assertThat(finding.toString()).doesNotContain("hunter2");
    }

    @Test
    void ignoreRulesIgnoreResourcesAndAttributesWithNegation() {
        IgnoreRules rules = IgnoreRules.parse(List.of(
                "# noise",
                "aws_instance.*",
                "!aws_instance.i-2",
                "aws_instance.i-2.tags.Env"), ".driftignore");
        StateSnapshot state = state(
                instance("web", "i-1", "t3.micro", Map.of()),
                instance("api", "i-2", "t3.micro", Map.of("Env", "prod")));
        LiveInventory live = inventory(listed("aws_instance",
                live("i-1", "t3.large", Map.of()),
                live("i-2", "t3.micro", Map.of("Env", "dev"))));

        Reconciliation result = reconciler.reconcile(List.of(state), live, rules);

        assertThat(byId(result, "i-1").status()).isEqualTo(FindingStatus.IGNORED);
        assertThat(byId(result, "i-1").note()).contains("aws_instance.*");
        assertThat(byId(result, "i-2").status()).isEqualTo(FindingStatus.IN_SYNC);
        assertThat(rules.ignoresWholeType("aws_instance")).isFalse();
        assertThat(IgnoreRules.parse(List.of("aws_instance.*"), "f").ignoresWholeType("aws_instance")).isTrue();
    }

    @Test
    void escapedDotsStayInsideTheIdAndMalformedLinesAreReported() {
        IgnoreRules rules = IgnoreRules.parse(List.of("aws_s3_bucket.logs\\.example\\.com", "nonsense"), ".driftignore");

        assertThat(rules.ignoring("aws_s3_bucket", "logs.example.com")).isPresent();
        assertThat(rules.ignoring("aws_s3_bucket", "logs")).isEmpty();
        assertThat(rules.problems()).singleElement().asString().contains(".driftignore line 2", "nonsense");
    }

    @Test
    void resourceInTwoStatesIsReportedOnceWithAnAlertNamingBoth() {
        StateResource a = new StateResource("aws_instance.web", "", "aws_instance", "web", "i-1", "a.tfstate", Map.of("id", "i-1"));
        StateResource b = new StateResource("module.x.aws_instance.web", "module.x", "aws_instance", "web", "i-1", "b.tfstate",
                Map.of("id", "i-1"));

        Reconciliation result = reconciler.reconcile(List.of(state(a), state(b)), inventory(listed("aws_instance",
                live("i-1", null, Map.of()))), IgnoreRules.none());

        assertThat(result.findings()).hasSize(1);
        assertThat(result.alerts()).singleElement().extracting(Alert::message).asString()
                .contains("managed twice", "a.tfstate", "b.tfstate", "module.x.aws_instance.web");
    }

    @Test
    void anAdoptedDefaultObjectIsOneResourceWhicheverTypeListsOrManagesIt() {
        TypeSpec vpc = new TypeSpec("aws_vpc", List.of(), List.of());
        TypeSpec defaultVpc = new TypeSpec("aws_default_vpc", List.of(), List.of(), null, "aws_vpc");
        TypeSpec group = new TypeSpec("aws_security_group", List.of(), List.of());
        TypeSpec defaultGroup = new TypeSpec("aws_default_security_group", List.of(), List.of(), null, "aws_security_group");
        TypeSpec rule = new TypeSpec("aws_vpc_security_group_ingress_rule", List.of(), List.of(),
                new ParentLink("aws_security_group", "security_group_id"), null);
        Reconciler adopting = new Reconciler(List.of(vpc, defaultVpc, group, defaultGroup, rule));
        // --strict: the ordinary listings hold the default objects too.
        LiveInventory live = inventory(
                listed("aws_vpc", object("aws_vpc", "vpc-default"), object("aws_vpc", "vpc-other-default")),
                listed("aws_default_vpc", object("aws_default_vpc", "vpc-default"),
                        object("aws_default_vpc", "vpc-other-default")),
                listed("aws_security_group", object("aws_security_group", "sg-default")),
                listed("aws_default_security_group", object("aws_default_security_group", "sg-default")),
                listed("aws_vpc_security_group_ingress_rule", new LiveResource("aws_vpc_security_group_ingress_rule",
                        "sgr-1", ACCOUNT, REGION, Map.of("security_group_id", "sg-default"))));
        StateSnapshot state = state(
                new StateResource("aws_default_vpc.this", "", "aws_default_vpc", "this", "vpc-default", "prod.tfstate",
                        Map.of("id", "vpc-default")),
                new StateResource("aws_default_security_group.this", "", "aws_default_security_group", "this",
                        "sg-default", "prod.tfstate", Map.of("id", "sg-default")));

        Reconciliation result = adopting.reconcile(List.of(state), live, IgnoreRules.none());

        assertThat(result.findings()).extracting(Finding::type, Finding::id, Finding::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("aws_default_vpc", "vpc-default", FindingStatus.IN_SYNC),
                // and the default group's rule belongs to the group, managed as aws_default_security_group
                org.assertj.core.groups.Tuple.tuple("aws_default_security_group", "sg-default", FindingStatus.IN_SYNC),
                org.assertj.core.groups.Tuple.tuple("aws_default_vpc", "vpc-other-default", FindingStatus.UNMANAGED));
    }

    @Test
    void aDetachedPolicyNamesTheRolesMirrorYetAHandMadeAttachmentStaysUnmanaged() {
        TypeSpec role = new TypeSpec("aws_iam_role", List.of(), List.of());
        TypeSpec attachment = new TypeSpec("aws_iam_role_policy_attachment", List.of("role", "policy_arn"), List.of(),
                ParentLink.mirroredOn("aws_iam_role", "role", "managed_policy_arns"));
        Reconciler mirrored = new Reconciler(List.of(role, attachment));
        LiveInventory live = inventory(listed("aws_iam_role", object("aws_iam_role", "deploy")),
                listed("aws_iam_role_policy_attachment", new LiveResource("aws_iam_role_policy_attachment",
                        "deploy/arn:aws:iam::aws:policy/ReadOnlyAccess", ACCOUNT, "global",
                        Map.of("role", "deploy", "policy_arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"))));
        StateSnapshot state = state(
                new StateResource("module.ci.aws_iam_role.this[0]", "module.ci", "aws_iam_role", "this", "deploy",
                        "prod.tfstate", Map.of("id", "deploy", "managed_policy_arns", List.of("arn:aws:iam::1:policy/ci"))),
                new StateResource("module.ci.aws_iam_role_policy_attachment.custom[0]", "module.ci",
                        "aws_iam_role_policy_attachment", "custom", "deploy-2024", "prod.tfstate",
                        Map.of("id", "deploy-2024", "role", "deploy", "policy_arn", "arn:aws:iam::1:policy/ci")));

        Reconciliation result = mirrored.reconcile(List.of(state), live, IgnoreRules.none());

        assertThat(result.findings()).filteredOn(f -> f.status() == FindingStatus.MISSING)
                .extracting(Finding::address, Finding::note).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "module.ci.aws_iam_role_policy_attachment.custom[0]",
                        "terraform plan -refresh-only also reports this change on module.ci.aws_iam_role.this[0] (managed_policy_arns)"));
        assertThat(result.findings()).filteredOn(f -> f.status() == FindingStatus.UNMANAGED)
                .extracting(Finding::id).containsExactly("deploy/arn:aws:iam::aws:policy/ReadOnlyAccess");
    }

    @Test
    void aChangedSplitResourceNamesItsParentsAddressWhereRefreshOnlyAlsoReportsTheChange() {
        TypeSpec bucket = new TypeSpec("aws_s3_bucket", List.of(), List.of());
        TypeSpec versioning = new TypeSpec("aws_s3_bucket_versioning", List.of(), List.of(
                new AttributeRule("status", Normalization.STRING)), new ParentLink("aws_s3_bucket", "bucket", "versioning"));
        Reconciler split = new Reconciler(List.of(bucket, versioning));
        LiveInventory live = inventory(listed("aws_s3_bucket", object("aws_s3_bucket", "logs"), object("aws_s3_bucket", "bare")),
                listed("aws_s3_bucket_versioning",
                        new LiveResource("aws_s3_bucket_versioning", "logs", ACCOUNT, "global", Map.of("status", "Suspended")),
                        new LiveResource("aws_s3_bucket_versioning", "bare", ACCOUNT, "global", Map.of("status", "Suspended"))));
        StateSnapshot state = state(
                new StateResource("module.logs.aws_s3_bucket.this[0]", "module.logs", "aws_s3_bucket", "this", "logs",
                        "prod.tfstate", Map.of("id", "logs", "versioning", List.of(Map.of("enabled", true)))),
                new StateResource("module.logs.aws_s3_bucket_versioning.this[0]", "module.logs", "aws_s3_bucket_versioning",
                        "this", "logs", "prod.tfstate", Map.of("id", "logs", "bucket", "logs", "status", "Enabled")),
                // a state from before the split resources: the bucket holds no copy, so there is nothing to name
                new StateResource("aws_s3_bucket.bare", "", "aws_s3_bucket", "bare", "bare", "prod.tfstate",
                        Map.of("id", "bare")),
                new StateResource("aws_s3_bucket_versioning.bare", "", "aws_s3_bucket_versioning", "bare", "bare",
                        "prod.tfstate", Map.of("id", "bare", "bucket", "bare", "status", "Enabled")));

        Reconciliation result = split.reconcile(List.of(state), live, IgnoreRules.none());

        assertThat(result.findings()).filteredOn(f -> f.status() == FindingStatus.CHANGED)
                .extracting(Finding::address, Finding::note).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("module.logs.aws_s3_bucket_versioning.this[0]",
                                "terraform plan -refresh-only also reports this change on module.logs.aws_s3_bucket.this[0] (versioning)"),
                        org.assertj.core.groups.Tuple.tuple("aws_s3_bucket_versioning.bare", null));
    }

    @Test
    void anAliasIsMatchedInItsCanonicalListingAndAnObjectManagedUnderBothNamesIsManagedTwice() {
        TypeSpec lb = new TypeSpec("aws_lb", List.of(), List.of(new AttributeRule("name", Normalization.STRING)));
        Reconciler aliasing = new Reconciler(List.of(lb, lb.alias("aws_alb")));
        LiveInventory live = inventory(listed("aws_lb",
                new LiveResource("aws_lb", "arn:lb/a", ACCOUNT, REGION, Map.of("name", "a"))));
        StateSnapshot state = state(
                new StateResource("aws_alb.a", "", "aws_alb", "a", "arn:lb/a", "prod.tfstate",
                        Map.of("id", "arn:lb/a", "name", "renamed")),
                new StateResource("aws_alb.gone", "", "aws_alb", "gone", "arn:lb/gone", "prod.tfstate",
                        Map.of("id", "arn:lb/gone", "name", "gone")),
                new StateResource("aws_lb.a", "", "aws_lb", "a", "arn:lb/a", "prod.tfstate",
                        Map.of("id", "arn:lb/a", "name", "a")));

        Reconciliation result = aliasing.reconcile(List.of(state), live, IgnoreRules.none());

        assertThat(result.findings()).extracting(Finding::type, Finding::address, Finding::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("aws_alb", "aws_alb.a", FindingStatus.CHANGED),
                        // the canonical listing succeeded, so the alias's object is really gone
                        org.assertj.core.groups.Tuple.tuple("aws_alb", "aws_alb.gone", FindingStatus.MISSING));
        assertThat(result.alerts()).extracting(Alert::message).singleElement().asString()
                .contains("managed twice", "aws_alb.a", "aws_lb.a");
    }

    @Test
    void aMapOfSettingsDriftsKeyByKeyAndEmptyOrNullMeansNone() {
        TypeSpec stage = new TypeSpec("aws_api_gateway_stage", List.of(), List.of(
                new AttributeRule("variables", Normalization.MAP)));
        Reconciler maps = new Reconciler(List.of(stage));
        java.util.Map<String, Object> templates = new java.util.HashMap<>();
        templates.put("application/json", null); // AWS returns an empty template as null, the provider writes ""
        templates.put("aws:kept", "x");           // unlike tags, no key of a map is AWS's own
        LiveInventory live = inventory(listed("aws_api_gateway_stage",
                new LiveResource("aws_api_gateway_stage", "ags-a-prod", ACCOUNT, REGION, Map.of("variables",
                        Map.of("color", "green", "new", "1"))),
                new LiveResource("aws_api_gateway_stage", "ags-a-dev", ACCOUNT, REGION, Map.of()),
                new LiveResource("aws_api_gateway_stage", "ags-a-test", ACCOUNT, REGION, Map.of("variables", templates))));
        StateSnapshot state = state(
                new StateResource("aws_api_gateway_stage.prod", "", "aws_api_gateway_stage", "prod", "ags-a-prod",
                        "prod.tfstate", Map.of("id", "ags-a-prod", "variables", Map.of("color", "blue", "size", "s"))),
                new StateResource("aws_api_gateway_stage.dev", "", "aws_api_gateway_stage", "dev", "ags-a-dev",
                        "prod.tfstate", Map.of("id", "ags-a-dev", "variables", Map.of())),
                new StateResource("aws_api_gateway_stage.test", "", "aws_api_gateway_stage", "test", "ags-a-test",
                        "prod.tfstate", Map.of("id", "ags-a-test", "variables", Map.of("application/json", ""))));

        Reconciliation result = maps.reconcile(List.of(state), live, IgnoreRules.none());

        assertThat(byId(result, "ags-a-prod").diffs()).containsExactly(
                new AttributeDiff(List.of("variables", "color"), "\"blue\"", "\"green\"", DiffKind.CHANGED),
                new AttributeDiff(List.of("variables", "new"), null, "\"1\"", DiffKind.ADDED),
                new AttributeDiff(List.of("variables", "size"), "\"s\"", null, DiffKind.REMOVED));
        assertThat(byId(result, "ags-a-dev").status()).isEqualTo(FindingStatus.IN_SYNC);
        assertThat(byId(result, "ags-a-test").diffs()).containsExactly(
                new AttributeDiff(List.of("variables", "aws:kept"), null, "\"x\"", DiffKind.ADDED));
    }

    private static LiveResource object(String type, String id) {
        return new LiveResource(type, id, ACCOUNT, REGION, Map.of());
    }

    private static Finding byId(Reconciliation result, String id) {
        return result.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static StateSnapshot state(StateResource... resources) {
        return new StateSnapshot("prod.tfstate", 3, "lineage", "1.11.4", List.of(resources));
    }

    private static StateResource instance(String name, String id, String type, Map<String, String> tags) {
        return new StateResource("aws_instance." + name, "", "aws_instance", name, id, "prod.tfstate",
                Map.of("id", id, "instance_type", type, "tags", tags));
    }

    private static LiveResource live(String id, String type, Map<String, String> tags) {
        java.util.HashMap<String, Object> attributes = new java.util.HashMap<>();
        attributes.put("instance_type", type);
        attributes.put("tags", tags);
        return new LiveResource("aws_instance", id, ACCOUNT, REGION, attributes);
    }

    private static ListingOutcome listed(String type, LiveResource... resources) {
        return new ListingOutcome.Listed(new ListingScope(ACCOUNT, REGION, type), List.of(resources));
    }

    private static LiveInventory inventory(ListingOutcome... outcomes) {
        return new LiveInventory(List.of(outcomes), Map.of());
    }
}
