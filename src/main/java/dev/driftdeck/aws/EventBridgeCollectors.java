package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import dev.driftdeck.remediation.ImportIds;

/**
 * EventBridge buses, rules and targets, per region. ListEventBuses (100 a page) lists the buses and ListRules (100 a
 * page, one listing per bus: the API has no account-wide one) the rules with everything compared; a managed bus costs
 * DescribeEventBus and a managed bus or rule ListTagsForResource. Targets have no account-wide listing either:
 * ListTargetsByRule is spent on the rules a state manages (as the rule or through a target); a target added by hand to
 * such a rule is UNMANAGED, one on an unmanaged rule is that rule's business. AWS's {@code default} bus and the rules
 * AWS services manage ({@code ManagedBy}) are left out unless managed or strict.
 */
final class EventBridgeCollectors {

    static final String BUS = "aws_cloudwatch_event_bus";
    static final String RULE = "aws_cloudwatch_event_rule";
    static final String TARGET = "aws_cloudwatch_event_target";
    static final String DEFAULT_BUS = "default";
    private static final int PAGE = 100;

    private EventBridgeCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(BUS)
                        .actions("events:ListEventBuses", "events:DescribeEventBus", "events:ListTagsForResource")
                        .compare("description", STRING).compare("kms_key_identifier", STRING)
                        .compare("dead_letter_config", SET).compareTags()
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "event_source_name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(EventBridgeCollectors::buses),
                // Terraform's id is the name on the default bus, bus/name on any other.
                CollectorDefinition.regional(RULE)
                        .actions("events:ListEventBuses", "events:ListRules", "events:ListTagsForResource")
                        .compare("description", STRING).compare("event_pattern", JSON_DOCUMENT)
                        .compare("schedule_expression", STRING).compare("role_arn", STRING)
                        .compare("state", CASE_INSENSITIVE).compare("is_enabled", SCALAR).compareTags()
                        .notCompared(NotCompared.IDENTITY, "name", "event_bus_name")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_destroy")
                        .importId(ImportIds.SAME_AS_ID).listedBy(EventBridgeCollectors::rules),
                // Terraform's id (rule-target or bus-rule-target) cannot be split, as "-" is valid in both names: matched
                // on bus/rule/target, which terraform import also takes.
                CollectorDefinition.regional(TARGET).actions("events:ListTargetsByRule")
                        .idFrom("event_bus_name", "rule", "target_id")
                        .compare("arn", STRING).compare("role_arn", STRING).compare("input", JSON_DOCUMENT)
                        .compare("input_path", STRING).compare("input_transformer", SET)
                        .compare("dead_letter_config", SET).compare("retry_policy", SET)
                        .compare("sqs_target", SET).compare("kinesis_target", SET).compare("http_target", SET)
                        .compare("ecs_target", SET).compare("batch_target", SET).compare("redshift_target", SET)
                        .compare("run_command_targets", SET).compare("sagemaker_pipeline_target", SET)
                        .compare("appsync_target", SET)
                        .notCompared(NotCompared.IDENTITY, "rule", "event_bus_name", "target_id")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_destroy")
                        .importId(ImportIds.computed("[EVENTBUSNAME/]RULENAME/TARGETID", ImportIdsOf::eventTarget)).listedBy(EventBridgeTargets::targets));
    }

    /** Every bus of the region, the default one included (callers filter it). */
    static List<EventBus> allBuses(EventBridgeClient events) {
        List<EventBus> buses = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListEventBusesResponse page = events.listEventBuses(r -> r.limit(PAGE).nextToken(next));
            buses.addAll(page.eventBuses());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return buses;
    }

    private static List<LiveResource> buses(CollectorContext ctx) {
        EventBridgeClient events = ctx.session().eventBridge(ctx.region());
        List<LiveResource> resources = new ArrayList<>();
        for (EventBus bus : allBuses(events)) {
            boolean managed = ctx.manages(BUS, bus.name());
            if (DEFAULT_BUS.equals(bus.name()) && !managed && !ctx.strict()) {
                continue;
            }
            if (!managed) {
                resources.add(ctx.identityOnly(BUS, bus.name()));
                continue;
            }
            var detail = events.describeEventBus(r -> r.name(bus.name()));
            resources.add(ctx.resource(BUS, bus.name(), Attributes.of()
                    .put("description", detail.description())
                    .put("kms_key_identifier", detail.kmsKeyIdentifier())
                    .put("dead_letter_config", detail.deadLetterConfig() == null || detail.deadLetterConfig().arn() == null
                            ? List.of() : List.of(Map.of("arn", detail.deadLetterConfig().arn())))
                    .put("tags", tags(events, bus.arn()))
                    .build()));
        }
        return resources;
    }

    private static List<LiveResource> rules(CollectorContext ctx) {
        EventBridgeClient events = ctx.session().eventBridge(ctx.region());
        List<LiveResource> resources = new ArrayList<>();
        for (EventBus bus : allBuses(events)) {
            for (Rule rule : rulesOf(events, bus.name())) {
                String id = ruleId(bus.name(), rule.name());
                String arnId = ruleId(bus.arn(), rule.name());
                if (ctx.manages(RULE, arnId)) {
                    id = arnId; // the state names the bus by its ARN
                }
                boolean managed = ctx.manages(RULE, id);
                if (rule.managedBy() != null && !managed && !ctx.strict()) {
                    continue; // made and owned by an AWS service
                }
                resources.add(managed ? ctx.resource(RULE, id, ruleAttributes(rule, tags(events, rule.arn())))
                        : ctx.identityOnly(RULE, id));
            }
        }
        return resources;
    }

    private static Map<String, Object> ruleAttributes(Rule rule, Map<String, Object> tags) {
        return Attributes.of()
                .put("description", rule.description())
                .put("event_pattern", rule.eventPattern())
                .put("schedule_expression", rule.scheduleExpression())
                .put("role_arn", rule.roleArn())
                .put("state", rule.stateAsString())
                // The provider's is_enabled: any state but DISABLED
                .put("is_enabled", rule.state() != RuleState.DISABLED)
                .put("tags", tags)
                .build();
    }

    private static List<Rule> rulesOf(EventBridgeClient events, String bus) {
        List<Rule> rules = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListRulesResponse page = events.listRules(r -> r.eventBusName(bus).limit(PAGE).nextToken(next));
            rules.addAll(page.rules());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return rules;
    }

    /** The provider's rule id: the name alone on the default bus. */
    static String ruleId(String bus, String rule) {
        return bus == null || bus.isEmpty() || DEFAULT_BUS.equals(bus) ? rule : bus + "/" + rule;
    }

    /** The targets of one rule; none when the rule (or its bus) no longer exists. */
    static List<Target> targetsOf(EventBridgeClient events, String bus, String rule) {
        List<Target> targets = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                ListTargetsByRuleResponse page = events.listTargetsByRule(r -> r.eventBusName(bus).rule(rule)
                        .limit(PAGE).nextToken(next));
                targets.addAll(page.targets());
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (ResourceNotFoundException ruleGone) {
            return List.of();
        }
        return targets;
    }

    private static Map<String, Object> tags(EventBridgeClient events, String arn) {
        return Tags.toMap(events.listTagsForResource(r -> r.resourceARN(arn)).tags(), t -> t.key(), t -> t.value());
    }

    /** Per managed rule, the state's spelling of its bus (name or ARN) and name: from rules and from targets. */
    static Map<String, String[]> managedRules(CollectorContext ctx) {
        Map<String, String[]> rules = new LinkedHashMap<>();
        Function<Map<String, Object>, String> bus = state -> {
            Object value = state.get("event_bus_name");
            return value == null || String.valueOf(value).isEmpty() ? DEFAULT_BUS : String.valueOf(value);
        };
        ctx.managed().resources(RULE).values().forEach(state -> {
            String[] key = {bus.apply(state), String.valueOf(state.get("name"))};
            rules.putIfAbsent(key[0] + "/" + key[1], key);
        });
        ctx.managed().resources(TARGET).values().forEach(state -> {
            String[] key = {bus.apply(state), String.valueOf(state.get("rule"))};
            rules.putIfAbsent(key[0] + "/" + key[1], key);
        });
        return rules;
    }
}
