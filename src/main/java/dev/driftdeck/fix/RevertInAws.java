package dev.driftdeck.fix;

import dev.driftdeck.remediation.Shell;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * "Revert in AWS" for a CHANGED finding: {@code terraform apply -target} (always valid: Terraform writes the state's
 * value back), and for the common cases an AWS CLI command that restores the state's value directly. Shown to the
 * operator, never run by Driftdeck. The types with a CLI command are listed in docs/remediation-fix.md.
 */
public final class RevertInAws {

    private static final Map<String, String> SQS_ATTRIBUTES = Map.of(
            "visibility_timeout_seconds", "VisibilityTimeout",
            "delay_seconds", "DelaySeconds",
            "message_retention_seconds", "MessageRetentionPeriod",
            "max_message_size", "MaximumMessageSize",
            "receive_wait_time_seconds", "ReceiveMessageWaitTimeSeconds");
    private static final List<String> PUBLIC_ACCESS_BLOCK = List.of(
            "block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets");

    private RevertInAws() {
    }

    /** {@code terraform apply -target='<address>'}: restores what the state says; empty without an address. */
    public static String terraformApply(Finding finding) {
        return finding.address() == null ? "" : "terraform apply -target=" + Shell.quote(finding.address());
    }

    /**
     * AWS CLI commands that put the state's values back, one per line, when every drifted attribute of the finding
     * has one; empty when any has none (then {@link #terraformApply} is the way).
     */
    public static Optional<String> awsCli(Finding finding) {
        if (finding.status() != FindingStatus.CHANGED || finding.diffs().isEmpty()) {
            return Optional.empty();
        }
        List<String> commands = new ArrayList<>();
        List<AttributeDiff> tags = new ArrayList<>();
        for (AttributeDiff diff : finding.diffs()) {
            String name = diff.path().getFirst();
            if (name.equals("tags") && diff.path().size() == 2) {
                tags.add(diff);
                continue;
            }
            if (PUBLIC_ACCESS_BLOCK.contains(name) && finding.type().equals("aws_s3_bucket_public_access_block")) {
                continue; // all four at once, below
            }
            Optional<String> command = attribute(finding, name, diff);
            if (command.isEmpty()) {
                return Optional.empty();
            }
            commands.add(command.get());
        }
        if (finding.type().equals("aws_s3_bucket_public_access_block")) {
            Optional<String> command = publicAccessBlock(finding);
            if (command.isEmpty()) {
                return Optional.empty();
            }
            commands.add(command.get());
        }
        if (!tags.isEmpty()) {
            Optional<List<String>> tagCommands = TagCommands.restore(finding, tags);
            if (tagCommands.isEmpty()) {
                return Optional.empty();
            }
            commands.addAll(tagCommands.get());
        }
        String region = regionFlag(finding);
        return Optional.of(String.join("\n", commands.stream().map(command -> command + region).toList()));
    }

    private static Optional<String> attribute(Finding finding, String name, AttributeDiff diff) {
        String id = Shell.quote(finding.id());
        Object expected = diff.expected() == null ? null : DiffValues.parse(diff.expected());
        return switch (finding.type() + "." + name) {
            case "aws_security_group.ingress", "aws_security_group.egress" ->
                    Optional.of(SecurityGroupCommands.restore(finding.id(), name.equals("egress"), diff));
            case "aws_s3_bucket_versioning.versioning_configuration" -> first(expected)
                    .map(block -> block.get("status"))
                    .map(status -> "aws s3api put-bucket-versioning --bucket " + id
                            + " --versioning-configuration Status=" + Shell.quote(String.valueOf(status)));
            case "aws_kms_key.enable_key_rotation" -> Optional.of("aws kms "
                    + (Boolean.TRUE.equals(expected) ? "enable" : "disable") + "-key-rotation --key-id " + id);
            case "aws_instance.metadata_options" -> first(expected).map(options -> metadataOptions(id, options));
            default -> {
                String sqs = SQS_ATTRIBUTES.get(name);
                if (finding.type().equals("aws_sqs_queue") && sqs != null && expected != null) {
                    yield Optional.of("aws sqs set-queue-attributes --queue-url " + id + " --attributes "
                            + Shell.quote(sqs + "=" + HclValues.expression(expected, 0)));
                }
                yield Optional.empty();
            }
        };
    }

    private static String metadataOptions(String id, Map<?, ?> options) {
        // The scan drops false and zero fields inside blocks; AWS's own defaults fill what the state left out.
        StringBuilder command = new StringBuilder("aws ec2 modify-instance-metadata-options --instance-id " + id);
        Map<String, String> flags = new TreeMap<>(Map.of(
                "http_tokens", "--http-tokens", "http_endpoint", "--http-endpoint",
                "http_put_response_hop_limit", "--http-put-response-hop-limit",
                "instance_metadata_tags", "--instance-metadata-tags"));
        flags.forEach((field, flag) -> {
            Object value = options.get(field);
            if (value != null) {
                command.append(' ').append(flag).append(' ').append(Shell.quote(HclValues.expression(value, 0).replace("\"", "")));
            }
        });
        return command.toString();
    }

    /** The four settings together: the API replaces the whole configuration, so all four must be known. */
    private static Optional<String> publicAccessBlock(Finding finding) {
        Map<String, String> expected = new TreeMap<>();
        for (AttributeDiff diff : finding.diffs()) {
            if (PUBLIC_ACCESS_BLOCK.contains(diff.path().getFirst()) && diff.expected() != null) {
                expected.put(diff.path().getFirst(), diff.expected());
            }
        }
        if (expected.size() < PUBLIC_ACCESS_BLOCK.size()) {
            return Optional.empty();
        }
        String configuration = "BlockPublicAcls=" + expected.get("block_public_acls")
                + ",IgnorePublicAcls=" + expected.get("ignore_public_acls")
                + ",BlockPublicPolicy=" + expected.get("block_public_policy")
                + ",RestrictPublicBuckets=" + expected.get("restrict_public_buckets");
        return Optional.of("aws s3api put-public-access-block --bucket " + Shell.quote(finding.id())
                + " --public-access-block-configuration " + configuration);
    }

    private static Optional<Map<?, ?>> first(Object value) {
        if (value instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map<?, ?> map) {
            return Optional.of(map);
        }
        return value instanceof Map<?, ?> map ? Optional.of(map) : Optional.empty();
    }

    /** {@code --region} for regional types; IAM, S3 and Route 53 are global to the CLI. */
    private static String regionFlag(Finding finding) {
        String type = finding.type();
        boolean global = type.startsWith("aws_iam_") || type.startsWith("aws_s3_") || type.startsWith("aws_route53_");
        boolean known = finding.region() != null && !finding.region().isBlank() && !finding.region().equals("global");
        return global || !known ? "" : " --region " + Shell.quote(finding.region());
    }
}
