package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import dev.driftdeck.remediation.ImportIds;

/**
 * Step Functions state machines, per region: ListStateMachines (1,000 a page); a managed machine costs
 * DescribeStateMachine (definition, role, logging, tracing, encryption) and ListTagsForResource. The definition is
 * compared as a JSON document: formatting and key order never count, and neither does the order of a list's items.
 */
final class StepFunctionsCollectors {

    static final String STATE_MACHINE = "aws_sfn_state_machine";

    private StepFunctionsCollectors() {
    }

    static List<CollectorDefinition> all() {
        // Terraform's id is the state machine's ARN.
        return List.of(CollectorDefinition.regional(STATE_MACHINE)
                .actions("states:ListStateMachines", "states:DescribeStateMachine", "states:ListTagsForResource")
                .compare("definition", JSON_DOCUMENT).compare("role_arn", STRING).compare("type", STRING)
                .compare("logging_configuration", SET).compare("tracing_configuration", SET)
                .compare("encryption_configuration", SET).compareTags()
                .notCompared(NotCompared.IDENTITY, "name")
                .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                .notCompared(NotCompared.TERRAFORM_ONLY, "publish")
                .importId(ImportIds.SAME_AS_ID).listedBy(StepFunctionsCollectors::stateMachines));
    }

    private static List<LiveResource> stateMachines(CollectorContext ctx) {
        SfnClient sfn = ctx.session().sfn(ctx.region());
        List<LiveResource> resources = new ArrayList<>();
        for (StateMachineListItem machine : sfn.listStateMachinesPaginator(r -> r.maxResults(1000)).stateMachines()) {
            if (!ctx.manages(STATE_MACHINE, machine.stateMachineArn())) {
                resources.add(ctx.identityOnly(STATE_MACHINE, machine.stateMachineArn()));
                continue;
            }
            DescribeStateMachineResponse detail = sfn.describeStateMachine(r -> r.stateMachineArn(machine.stateMachineArn()));
            var tags = sfn.listTagsForResource(r -> r.resourceArn(machine.stateMachineArn())).tags();
            resources.add(ctx.resource(STATE_MACHINE, machine.stateMachineArn(), attributes(detail,
                    Tags.toMap(tags, t -> t.key(), t -> t.value()))));
        }
        return resources;
    }

    /** As the provider 5.100 flattens them: logging and tracing always one block, encryption when AWS returns it. */
    static Map<String, Object> attributes(DescribeStateMachineResponse machine, Map<String, Object> tags) {
        var logging = machine.loggingConfiguration();
        var tracing = machine.tracingConfiguration();
        var encryption = machine.encryptionConfiguration();
        return Attributes.of()
                .put("definition", machine.definition())
                .put("role_arn", machine.roleArn())
                .put("type", machine.typeAsString())
                .put("logging_configuration", logging == null ? List.of() : List.of(Attributes.of()
                        .put("include_execution_data", Boolean.TRUE.equals(logging.includeExecutionData()))
                        .put("level", logging.levelAsString())
                        .put("log_destination", logging.destinations().isEmpty()
                                || logging.destinations().getFirst().cloudWatchLogsLogGroup() == null ? ""
                                : logging.destinations().getFirst().cloudWatchLogsLogGroup().logGroupArn())
                        .build()))
                .put("tracing_configuration", tracing == null ? List.of()
                        : List.of(Map.of("enabled", Boolean.TRUE.equals(tracing.enabled()))))
                .put("encryption_configuration", encryption == null ? List.of() : List.of(Attributes.of()
                        .put("type", encryption.typeAsString())
                        .put("kms_key_id", encryption.kmsKeyId())
                        .put("kms_data_key_reuse_period_seconds", encryption.kmsDataKeyReusePeriodSeconds() == null
                                ? 0 : encryption.kmsDataKeyReusePeriodSeconds())
                        .build()))
                .put("tags", tags)
                .build();
    }
}
