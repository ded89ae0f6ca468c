package dev.driftdeck.aws.coverage;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Ids the provider computes, recomputed independently of the collectors so a test can catch them disagreeing. */
final class Ids {

    private Ids() {
    }

    /** {@code r-<table><crc32(destination)>}, the provider's aws_route id (Go: create.StringHashcode). */
    static String route(String routeTableId, String destination) {
        CRC32 crc = new CRC32();
        crc.update(destination.getBytes(StandardCharsets.UTF_8));
        return "r-" + routeTableId + crc.getValue();
    }

    /**
     * {@code nacl-<crc32("<acl>-<rule>-<egress>-<protocol>-")>}, the provider's aws_network_acl_rule id
     * (Go: networkACLRuleCreateResourceID), with the protocol spelled as configured.
     */
    static String networkAclRule(String aclId, int ruleNumber, boolean egress, String protocol) {
        CRC32 crc = new CRC32();
        crc.update((aclId + "-" + ruleNumber + "-" + egress + "-" + protocol + "-").getBytes(StandardCharsets.UTF_8));
        return "nacl-" + crc.getValue();
    }
}
