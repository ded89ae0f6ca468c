package dev.driftdeck.aws;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;

/**
 * Network ACL entries in the hashicorp/aws provider's shapes: the inline {@code ingress}/{@code egress} rule maps of
 * {@code aws_network_acl} and {@code aws_default_network_acl}, the attributes of {@code aws_network_acl_rule}, and
 * that resource's generated id.
 */
final class NetworkAclEntries {

    // AWS's catch-all deny rules (IPv4, IPv6): neither configurable nor deletable, never in Terraform's state.
    private static final List<Integer> AWS_CATCH_ALL = List.of(32767, 32768);

    private static final Map<String, String> PROTOCOL_NUMBERS = Map.of(
            "all", "-1", "icmp", "1", "tcp", "6", "udp", "17", "icmpv6", "58", "ipv6-icmp", "58");

    private NetworkAclEntries() {
    }

    /** The entries Terraform can write: every one but AWS's catch-all denies. */
    static List<NetworkAclEntry> configurable(NetworkAcl acl, boolean egress) {
        return acl.entries().stream()
                .filter(entry -> Boolean.TRUE.equals(entry.egress()) == egress)
                .filter(entry -> !AWS_CATCH_ALL.contains(entry.ruleNumber()))
                .toList();
    }

    /** One inline rule as the provider stores it: every field present, 0 for absent ports and ICMP codes. */
    static Map<String, Object> inline(NetworkAclEntry entry) {
        return Attributes.of()
                .put("action", lower(entry.ruleActionAsString()))
                .put("cidr_block", entry.cidrBlock())
                .put("from_port", entry.portRange() == null ? 0 : entry.portRange().from())
                .put("icmp_code", entry.icmpTypeCode() == null ? 0 : entry.icmpTypeCode().code())
                .put("icmp_type", entry.icmpTypeCode() == null ? 0 : entry.icmpTypeCode().type())
                .put("ipv6_cidr_block", entry.ipv6CidrBlock())
                .put("protocol", protocolNumber(entry.protocol()))
                .put("rule_no", entry.ruleNumber())
                .put("to_port", entry.portRange() == null ? 0 : entry.portRange().to())
                .build();
    }

    /** The attributes of an {@code aws_network_acl_rule}; ICMP fields stay null unless AWS has them, as in state. */
    static Map<String, Object> rule(String aclId, NetworkAclEntry entry) {
        return Attributes.of()
                .put("network_acl_id", aclId)
                .put("egress", entry.egress())
                .put("rule_number", entry.ruleNumber())
                .put("protocol", protocolNumber(entry.protocol()))
                .put("rule_action", lower(entry.ruleActionAsString()))
                .put("cidr_block", entry.cidrBlock())
                .put("ipv6_cidr_block", entry.ipv6CidrBlock())
                .put("from_port", entry.portRange() == null ? 0 : entry.portRange().from())
                .put("to_port", entry.portRange() == null ? 0 : entry.portRange().to())
                .put("icmp_type", entry.icmpTypeCode() == null ? null : entry.icmpTypeCode().type())
                .put("icmp_code", entry.icmpTypeCode() == null ? null : entry.icmpTypeCode().code())
                .build();
    }

    /**
     * The provider's {@code aws_network_acl_rule} id: {@code nacl-} and the CRC-32 of
     * {@code "<acl>-<rule number>-<egress>-<protocol>-"} (Go: networkACLRuleCreateResourceID, create.StringHashcode).
     * The protocol is hashed as the configuration spells it ({@code tcp} and {@code 6} give two ids for one entry),
     * so a live entry can only be given the number form, which is also what {@code terraform import} produces.
     */
    static String ruleId(String aclId, int ruleNumber, boolean egress, String protocol) {
        CRC32 crc = new CRC32();
        crc.update("%s-%d-%b-%s-".formatted(aclId, ruleNumber, egress, protocol).getBytes(StandardCharsets.UTF_8));
        return "nacl-" + crc.getValue();
    }

    /** The identity of an entry: ACL, direction and rule number (what AWS keys it by). */
    static String entryKey(String aclId, Object egress, Object ruleNumber) {
        int number = ruleNumber instanceof Number n ? n.intValue() : (int) Double.parseDouble(String.valueOf(ruleNumber));
        return aclId + "/" + Boolean.parseBoolean(String.valueOf(egress)) + "/" + number;
    }

    /** AWS answers protocol numbers; a name (should one come back) is turned into its number, as the provider does. */
    static String protocolNumber(String protocol) {
        if (protocol == null) {
            return null;
        }
        return PROTOCOL_NUMBERS.getOrDefault(protocol.toLowerCase(Locale.ROOT), protocol);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
