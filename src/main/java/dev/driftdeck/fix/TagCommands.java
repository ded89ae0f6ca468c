package dev.driftdeck.fix;

import dev.driftdeck.remediation.Shell;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS CLI commands that put a resource's tags back as the state has them, key by key: EC2 ids through
 * {@code ec2 create-tags}/{@code delete-tags}, SQS queues through {@code sqs tag-queue}/{@code untag-queue}, any
 * ARN through the Resource Groups Tagging API. A tag added out of band is deleted; one changed or removed is set again.
 */
final class TagCommands {

    private static final Pattern EC2_ID = Pattern.compile(
            "(sg|vpc|subnet|i|vol|rtb|igw|nat|eipalloc|acl|lt|eni|dopt|pcx|vgw|cgw|vpce|tgw|snap|ami|key|eigw)-[0-9a-f]+");

    private TagCommands() {
    }

    static Optional<List<String>> restore(Finding finding, List<AttributeDiff> tagDiffs) {
        List<String> set = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        for (AttributeDiff diff : tagDiffs) {
            String key = diff.path().get(1);
            if (diff.expected() == null) {
                delete.add(key);
            } else {
                set.add(key + "\u0000" + DiffValues.parse(diff.expected()));
            }
        }
        String id = finding.id();
        List<String> commands = new ArrayList<>();
        if (EC2_ID.matcher(id).matches()) {
            if (!set.isEmpty()) {
                commands.add("aws ec2 create-tags --resources " + id + " --tags " + pairs(set, "Key=%s,Value=%s"));
            }
            if (!delete.isEmpty()) {
                commands.add("aws ec2 delete-tags --resources " + id + " --tags "
                        + String.join(" ", delete.stream().map(key -> Shell.quote("Key=" + key)).toList()));
            }
        } else if (finding.type().equals("aws_sqs_queue")) {
            if (!set.isEmpty()) {
                commands.add("aws sqs tag-queue --queue-url " + Shell.quote(id) + " --tags " + pairs(set, "%s=%s"));
            }
            if (!delete.isEmpty()) {
                commands.add("aws sqs untag-queue --queue-url " + Shell.quote(id) + " --tag-keys " + keys(delete));
            }
        } else if (id.startsWith("arn:")) {
            if (!set.isEmpty()) {
                commands.add("aws resourcegroupstaggingapi tag-resources --resource-arn-list " + Shell.quote(id)
                        + " --tags " + pairs(set, "%s=%s"));
            }
            if (!delete.isEmpty()) {
                commands.add("aws resourcegroupstaggingapi untag-resources --resource-arn-list " + Shell.quote(id)
                        + " --tag-keys " + keys(delete));
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(commands);
    }

    private static String pairs(List<String> set, String format) {
        return String.join(" ", set.stream().map(pair -> {
            String[] parts = pair.split("\u0000", 2);
            return Shell.quote(format.formatted(parts[0], parts[1]));
        }).toList());
    }

    private static String keys(List<String> keys) {
        return String.join(" ", keys.stream().map(Shell::quote).toList());
    }
}
