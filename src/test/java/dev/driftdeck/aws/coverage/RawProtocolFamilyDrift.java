package dev.driftdeck.aws.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftdeck.testing.MotoRequests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator does in the console to the {@code fixtures/terraform/raw} resources: edits, deletions and
 * hand-made additions, through each API's own wire protocol on moto ({@link MotoRequests}); returns the findings a
 * scan must then report, as {@link CoverageFixture#drift} renders them.
 */
final class RawProtocolFamilyDrift {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EFS = "elasticfilesystem";
    private static final String WAF = "wafv2";
    private static final String WAF_TARGET = "AWSWAF_20190729.";

    private RawProtocolFamilyDrift() {
    }

    static List<String> apply(CoverageFixture f) throws Exception {
        List<String> expected = new ArrayList<>();
        fileSystems(f, expected);
        webAcls(f, expected);
        classicLoadBalancers(f, expected);
        return expected;
    }

    private static void fileSystems(CoverageFixture f, List<String> expected) throws Exception {
        String fs0 = f.id("aws_efs_file_system.fs[0]");
        MotoRequests.rest("PUT", EFS, "/2015-02-01/file-systems/" + fs0 + "/lifecycle-configuration",
                "{\"LifecyclePolicies\":[{\"TransitionToIA\":\"AFTER_30_DAYS\"}]}");
        expected.add("CHANGED aws_efs_file_system.fs[0] lifecycle_policy");
        MotoRequests.rest("DELETE", EFS, "/2015-02-01/file-systems/" + f.id("aws_efs_file_system.fs[1]"), null);
        expected.add("MISSING aws_efs_file_system.fs[1]");
        String byHand = JSON.readTree(MotoRequests.rest("POST", EFS, "/2015-02-01/file-systems",
                "{\"CreationToken\":\"by-hand\"}")).path("FileSystemId").asText();
        expected.add("UNMANAGED aws_efs_file_system " + byHand);

        MotoRequests.rest("PUT", EFS, "/2015-02-01/mount-targets/" + f.id("aws_efs_mount_target.mt[0]")
                + "/security-groups", "{\"SecurityGroups\":[\"" + f.id("aws_security_group.g[1]") + "\"]}");
        expected.add("CHANGED aws_efs_mount_target.mt[0] security_groups");
        MotoRequests.rest("DELETE", EFS, "/2015-02-01/mount-targets/" + f.id("aws_efs_mount_target.mt[1]"), null);
        expected.add("MISSING aws_efs_mount_target.mt[1]");
        String target = JSON.readTree(MotoRequests.rest("POST", EFS, "/2015-02-01/mount-targets",
                "{\"FileSystemId\":\"" + fs0 + "\",\"SubnetId\":\"" + f.id("aws_subnet.s[1]") + "\"}"))
                .path("MountTargetId").asText();
        expected.add("UNMANAGED aws_efs_mount_target " + target);

        MotoRequests.rest("POST", EFS, "/2015-02-01/resource-tags/" + f.id("aws_efs_access_point.ap[0]"),
                "{\"Tags\":[{\"Key\":\"Owner\",\"Value\":\"by-hand\"}]}");
        expected.add("CHANGED aws_efs_access_point.ap[0] tags.Owner");
        MotoRequests.rest("DELETE", EFS, "/2015-02-01/access-points/" + f.id("aws_efs_access_point.ap[1]"), null);
        expected.add("MISSING aws_efs_access_point.ap[1]");
        String point = JSON.readTree(MotoRequests.rest("POST", EFS, "/2015-02-01/access-points",
                "{\"ClientToken\":\"by-hand\",\"FileSystemId\":\"" + fs0 + "\"}")).path("AccessPointId").asText();
        expected.add("UNMANAGED aws_efs_access_point " + point);
    }

    private static void webAcls(CoverageFixture f, List<String> expected) throws Exception {
        // The console's "default action: Block"; UpdateWebACL replaces the whole ACL, so the rest is sent as read.
        JsonNode acl0 = getWebAcl(f, "aws_wafv2_web_acl.acl[0]");
        ObjectNode update = JSON.createObjectNode().put("Name", acl0.path("WebACL").path("Name").asText())
                .put("Scope", "REGIONAL").put("Id", f.id("aws_wafv2_web_acl.acl[0]"))
                .put("Description", acl0.path("WebACL").path("Description").asText())
                .put("LockToken", acl0.path("LockToken").asText());
        update.putObject("DefaultAction").putObject("Block");
        update.set("VisibilityConfig", acl0.path("WebACL").path("VisibilityConfig"));
        update.putArray("Rules");
        MotoRequests.json(WAF, WAF_TARGET + "UpdateWebACL", update.toString());
        expected.add("CHANGED aws_wafv2_web_acl.acl[0] default_action");

        JsonNode acl1 = getWebAcl(f, "aws_wafv2_web_acl.acl[1]");
        MotoRequests.json(WAF, WAF_TARGET + "DeleteWebACL", JSON.createObjectNode()
                .put("Name", acl1.path("WebACL").path("Name").asText()).put("Scope", "REGIONAL")
                .put("Id", f.id("aws_wafv2_web_acl.acl[1]")).put("LockToken", acl1.path("LockToken").asText())
                .toString());
        expected.add("MISSING aws_wafv2_web_acl.acl[1]");

        ObjectNode create = JSON.createObjectNode().put("Name", "by-hand").put("Scope", "REGIONAL");
        create.putObject("DefaultAction").putObject("Allow");
        create.putObject("VisibilityConfig").put("CloudWatchMetricsEnabled", false).put("MetricName", "by-hand")
                .put("SampledRequestsEnabled", false);
        String id = JSON.readTree(MotoRequests.json(WAF, WAF_TARGET + "CreateWebACL", create.toString()))
                .path("Summary").path("Id").asText();
        expected.add("UNMANAGED aws_wafv2_web_acl " + id);
    }

    private static JsonNode getWebAcl(CoverageFixture f, String address) throws Exception {
        return JSON.readTree(MotoRequests.json(WAF, WAF_TARGET + "GetWebACL", JSON.createObjectNode()
                .put("Name", f.attribute(address, "name")).put("Scope", "REGIONAL").put("Id", f.id(address))
                .toString()));
    }

    private static void classicLoadBalancers(CoverageFixture f, List<String> expected) {
        elb("ModifyLoadBalancerAttributes", Map.of("LoadBalancerName", "raw-classic-0",
                "LoadBalancerAttributes.ConnectionSettings.IdleTimeout", "120"));
        expected.add("CHANGED aws_elb.classic[0] idle_timeout");
        elb("DeleteLoadBalancer", Map.of("LoadBalancerName", "raw-classic-1"));
        expected.add("MISSING aws_elb.classic[1]");
        Map<String, String> create = new LinkedHashMap<>();
        create.put("LoadBalancerName", "by-hand");
        create.put("Listeners.member.1.Protocol", "HTTP");
        create.put("Listeners.member.1.LoadBalancerPort", "80");
        create.put("Listeners.member.1.InstancePort", "80");
        create.put("Subnets.member.1", f.id("aws_subnet.s[0]"));
        create.put("SecurityGroups.member.1", f.id("aws_security_group.g[1]"));
        String created = elb("CreateLoadBalancer", create);
        Matcher dns = Pattern.compile("<DNSName>").matcher(created);
        if (!dns.find()) {
            throw new IllegalStateException("moto did not create the hand-made balancer: " + created);
        }
        expected.add("UNMANAGED aws_elb by-hand");
    }

    private static String elb(String action, Map<String, String> params) {
        return MotoRequests.query("elasticloadbalancing", "2012-06-01", action, params);
    }
}
