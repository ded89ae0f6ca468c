package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;
import static dev.driftdeck.drift.Normalization.TAGS;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import dev.driftdeck.remediation.ImportIds;

/**
 * CloudFormation stacks, per region: DescribeStacks (every live stack with its settings, pages of 100, no page-size
 * parameter). A managed stack costs GetTemplate (the template body the provider keeps) and GetStackPolicy. Nested
 * stacks are their root stack's parts, left out unless a state manages them or the scan is strict.
 */
final class CloudFormationCollectors {

    static final String STACK = "aws_cloudformation_stack";

    private CloudFormationCollectors() {
    }

    static List<CollectorDefinition> all() {
        // Terraform's id is the stack id (an ARN).
        return List.of(CollectorDefinition.regional(STACK)
                .actions("cloudformation:DescribeStacks", "cloudformation:GetTemplate", "cloudformation:GetStackPolicy")
                .compare("template_body", JSON_DOCUMENT).compare("parameters", TAGS)
                .compare("capabilities", SET).compare("notification_arns", SET)
                .compare("disable_rollback", SCALAR).compare("timeout_in_minutes", SCALAR)
                .compare("iam_role_arn", STRING).compare("policy_body", JSON_DOCUMENT).compareTags()
                .notCompared(NotCompared.IDENTITY, "name")
                .notCompared(NotCompared.CREATE_ONLY, "on_failure", "template_url", "policy_url")
                .importId(ImportIds.computed("the stack name", ImportIdsOf::stackName)).listedBy(CloudFormationCollectors::stacks));
    }

    private static List<LiveResource> stacks(CollectorContext ctx) {
        CloudFormationClient cloudFormation = ctx.session().cloudFormation(ctx.region());
        List<LiveResource> resources = new ArrayList<>();
        for (Stack stack : cloudFormation.describeStacksPaginator(r -> { }).stacks()) {
            boolean managed = ctx.manages(STACK, stack.stackId());
            if (stack.parentId() != null && !managed && !ctx.strict()) {
                continue;
            }
            if (!managed) {
                resources.add(ctx.identityOnly(STACK, stack.stackId()));
                continue;
            }
            String template = cloudFormation.getTemplate(r -> r.stackName(stack.stackId())).templateBody();
            String policy = cloudFormation.getStackPolicy(r -> r.stackName(stack.stackId())).stackPolicyBody();
            resources.add(ctx.resource(STACK, stack.stackId(), Attributes.of()
                    .put("template_body", template)
                    .put("parameters", parameters(stack.parameters(),
                            ctx.managed().resources(STACK).get(stack.stackId()).get("parameters")))
                    .put("capabilities", stack.capabilitiesAsStrings())
                    .put("notification_arns", stack.notificationARNs())
                    .put("disable_rollback", Boolean.TRUE.equals(stack.disableRollback()))
                    .put("timeout_in_minutes", stack.timeoutInMinutes() == null ? 0 : stack.timeoutInMinutes())
                    .put("iam_role_arn", stack.roleARN())
                    .put("policy_body", policy)
                    .put("tags", Tags.toMap(stack.tags(), t -> t.key(), t -> t.value()))
                    .build()));
        }
        return resources;
    }

    /**
     * Parameter values as a map. A NoEcho value comes back as asterisks: the provider keeps the state's value for it,
     * and so does the comparison (it cannot be read).
     */
    private static Map<String, Object> parameters(List<Parameter> parameters, Object inState) {
        Map<?, ?> expected = inState instanceof Map<?, ?> map ? map : Map.of();
        Map<String, Object> values = new TreeMap<>();
        for (Parameter parameter : parameters) {
            boolean hidden = "****".equals(parameter.parameterValue()) && expected.containsKey(parameter.parameterKey());
            values.put(parameter.parameterKey(), hidden ? expected.get(parameter.parameterKey()) : parameter.parameterValue());
        }
        return values;
    }
}
