package dev.driftdeck.aws;

import static dev.driftdeck.remediation.ImportIds.attribute;

import dev.driftdeck.drift.LiveResource;
import java.util.List;

/**
 * The import ids that are not the reported id, worked out from the live object as each type's collector leaves it
 * (the provider's "Import" sections, hashicorp/aws 5.100.0). Each returns null when the listing kept too little.
 */
final class ImportIdsOf {

    private ImportIdsOf() {
    }

    /** {@code rtb-1_10.0.0.0/16}: the table and the route's one destination. */
    static String route(LiveResource live) {
        String table = attribute(live, "route_table_id");
        String destination = firstOf(live, "cidr_block", "ipv6_cidr_block", "destination_prefix_list_id");
        return table == null || destination == null ? null : table + "_" + destination;
    }

    /** {@code subnet-1/rtb-1}, or {@code igw-1/rtb-1} for a gateway association. */
    static String routeTableAssociation(LiveResource live) {
        String table = attribute(live, "route_table_id");
        String target = firstOf(live, "subnet_id", "gateway_id");
        return table == null || target == null ? null : target + "/" + table;
    }

    /** {@code sg-1_ingress_tcp_80_80_10.0.0.0/8[_...]}: every source of the rule, then {@code self}. */
    static String securityGroupRule(LiveResource live) {
        String group = attribute(live, "security_group_id");
        String type = attribute(live, "type");
        if (group == null || type == null) {
            return null; // a rule Driftdeck only found under its state id: never UNMANAGED (see SecurityGroupCollectors)
        }
        StringBuilder id = new StringBuilder(group).append('_').append(type).append('_')
                .append(attribute(live, "protocol")).append('_').append(attribute(live, "from_port"))
                .append('_').append(attribute(live, "to_port"));
        for (String sources : List.of("cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids")) {
            if (live.attributes().get(sources) instanceof List<?> list) {
                list.forEach(source -> id.append('_').append(source));
            }
        }
        String group2 = attribute(live, "source_security_group_id");
        if (group2 != null) {
            id.append('_').append(group2);
        }
        if (Boolean.TRUE.equals(live.attributes().get("self"))) {
            id.append("_self");
        }
        return id.toString();
    }

    /** {@code acl-1:100:6:false}: the protocol as its number, which the provider's importer accepts. */
    static String networkAclRule(LiveResource live) {
        String acl = attribute(live, "network_acl_id");
        String number = attribute(live, "rule_number");
        String protocol = attribute(live, "protocol");
        String egress = attribute(live, "egress");
        return acl == null || number == null || protocol == null || egress == null ? null
                : acl + ":" + number + ":" + protocol + ":" + egress;
    }

    /** The queue's URL from its ARN: {@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME}, as SQS names it. */
    static String queueUrl(LiveResource live) {
        String[] arn = live.id().split(":", 6);
        if (arn.length < 6 || !arn[0].equals("arn")) {
            return null;
        }
        String domain = arn[1].equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
        return "https://sqs." + arn[3] + "." + domain + "/" + arn[4] + "/" + arn[5];
    }

    /** {@code arn:aws:lambda:R:A:function:NAME:ALIAS} gives {@code NAME/ALIAS}. */
    static String lambdaAlias(LiveResource live) {
        String[] arn = live.id().split(":");
        return arn.length == 8 && arn[5].equals("function") ? arn[6] + "/" + arn[7] : null;
    }

    /** {@code arn:aws:ecs:R:A:cluster/NAME} gives {@code NAME}. */
    static String ecsCluster(LiveResource live) {
        int slash = live.id().indexOf(":cluster/");
        return slash < 0 ? null : live.id().substring(slash + ":cluster/".length());
    }

    /**
     * {@code PARENT:NAME} for an id {@code PARENT/NAME} where both may hold {@code /} (a log group {@code /aws/lambda/x}
     * and a stream {@code 2026/12/07/[$LATEST]ab}): split after the parent the listing kept, never at a guessed slash.
     */
    static String afterParent(LiveResource live, String parentAttribute, String separator) {
        String parent = attribute(live, parentAttribute);
        return parent == null || !live.id().startsWith(parent + "/") ? null
                : parent + separator + live.id().substring(parent.length() + 1);
    }

    /** An id of two values joined with {@code /} where only the first may hold one: joined with {@code separator}. */
    static String lastSlashAs(LiveResource live, String separator) {
        int slash = live.id().lastIndexOf('/');
        return slash <= 0 ? null : live.id().substring(0, slash) + separator + live.id().substring(slash + 1);
    }

    /** {@code arn:aws:logs:REGION:ACCOUNT:query-definition:ID}. */
    static String queryDefinitionArn(LiveResource live) {
        return live.account() == null || live.region() == null ? null
                : "arn:aws:logs:" + live.region() + ":" + live.account() + ":query-definition:" + live.id();
    }

    /** {@code ID/NAME/SCOPE}. */
    static String webAcl(LiveResource live) {
        String name = attribute(live, "name");
        String scope = attribute(live, "scope");
        return name == null || scope == null ? null : live.id() + "/" + name + "/" + scope;
    }

    /** {@code USER:KEYID:ENCODING}; SSH unless the state asked for PEM. */
    static String sshKey(LiveResource live) {
        String user = attribute(live, "username");
        String encoding = attribute(live, "encoding");
        return user == null ? null : user + ":" + live.id() + ":" + (encoding == null ? "SSH" : encoding);
    }

    /** {@code API/ID} for a child whose id names only itself. */
    static String underApi(LiveResource live, String apiAttribute) {
        String api = attribute(live, apiAttribute);
        return api == null ? null : api + "/" + live.id();
    }

    /** {@code API/PARENT/ID} for a response under a route or an integration. */
    static String underApiAndParent(LiveResource live, String parentAttribute) {
        String api = attribute(live, "api_id");
        String parent = attribute(live, parentAttribute);
        return api == null || parent == null ? null : api + "/" + parent + "/" + live.id();
    }

    /** {@code ID/VALUE} of one attribute. */
    static String withSuffix(LiveResource live, String attributeName) {
        String value = attribute(live, attributeName);
        return value == null ? null : live.id() + "/" + value;
    }

    /**
     * The provider's REST API ids with a prefix and dashes ({@code agm-API-RESOURCE-GET}, {@code ags-API-prod},
     * {@code agmr-API-RESOURCE-GET-200}) as the import wants them: the parts joined with {@code /}. API and resource
     * ids hold no dash; the last part (a stage name) may.
     */
    static String dashedApiGateway(LiveResource live) {
        String id = live.id();
        int dash = id.indexOf('-');
        if (dash < 0) {
            return null;
        }
        int parts = switch (id.substring(0, dash)) {
            case "agm", "agi" -> 3;
            case "agmr", "agir" -> 4;
            case "ags", "aggr" -> 2;
            default -> 0;
        };
        String[] values = id.substring(dash + 1).split("-", parts);
        return parts == 0 || values.length != parts ? null : String.join("/", values);
    }

    /** {@code API/STAGE/PATH} from {@code API-STAGE-PATH}; a stage name with a dash needs the state's attributes. */
    static String methodSettings(LiveResource live) {
        String api = attribute(live, "rest_api_id");
        String stage = attribute(live, "stage_name");
        String path = attribute(live, "method_path");
        if (api != null && stage != null && path != null) {
            return api + "/" + stage + "/" + path;
        }
        String[] values = live.id().split("-", 3);
        return values.length == 3 ? String.join("/", values) : null;
    }

    /** {@code API/NAME}. */
    static String restApiModel(LiveResource live) {
        String api = attribute(live, "rest_api_id");
        String name = attribute(live, "name");
        return api == null || name == null ? null : api + "/" + name;
    }

    /** {@code DEVICE:VOLUME:INSTANCE} from {@code /dev/sdh/vol-1/i-1} (the device name holds slashes). */
    static String volumeAttachment(LiveResource live) {
        String id = live.id();
        int instance = id.lastIndexOf('/');
        int volume = instance <= 0 ? -1 : id.lastIndexOf('/', instance - 1);
        return volume <= 0 ? null
                : id.substring(0, volume) + ":" + id.substring(volume + 1, instance) + ":" + id.substring(instance + 1);
    }

    /** {@code RULE/TARGET} on the default bus, {@code BUS/RULE/TARGET} on another (a partner bus name holds slashes). */
    static String eventTarget(LiveResource live) {
        String id = live.id();
        int target = id.lastIndexOf('/');
        int rule = target <= 0 ? -1 : id.lastIndexOf('/', target - 1);
        if (rule <= 0) {
            return null;
        }
        String bus = id.substring(0, rule);
        return bus.equals("default") ? id.substring(rule + 1) : id;
    }

    /** {@code arn:aws:cloudformation:R:A:stack/NAME/UUID} gives {@code NAME}. */
    static String stackName(LiveResource live) {
        String[] parts = live.id().split("/");
        return parts.length == 3 && parts[0].endsWith(":stack") ? parts[1] : null;
    }

    private static String firstOf(LiveResource live, String... attributes) {
        for (String name : attributes) {
            String value = attribute(live, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
