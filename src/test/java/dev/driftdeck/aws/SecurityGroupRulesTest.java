package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** Rule shapes moto cannot produce: numeric protocols, other accounts' groups, mixed descriptions. */
class SecurityGroupRulesTest {

    private static final SecurityGroup GROUP =
            SecurityGroup.builder().groupId("sg-own").ownerId("111111111111").build();

    @Test
    void oneRulePerDescriptionWithOtherAccountsGroupsWrittenOwnerSlashId() {
        IpPermission permission = IpPermission.builder().ipProtocol("6").fromPort(5432).toPort(5432)
                .ipRanges(r -> r.cidrIp("10.0.0.0/8").description("office"), r -> r.cidrIp("10.1.0.0/16"))
                .ipv6Ranges(r -> r.cidrIpv6("::/0").description("office"))
                .userIdGroupPairs(
                        UserIdGroupPair.builder().groupId("sg-peer").userId("222222222222").build(),
                        UserIdGroupPair.builder().groupId("sg-same").userId("111111111111").build())
                .build();

        List<Map<String, Object>> rules = SecurityGroupRules.flatten(GROUP, List.of(permission));

        assertThat(rules).containsExactlyInAnyOrder(
                Map.of("cidr_blocks", List.of("10.0.0.0/8"), "description", "office", "from_port", 5432,
                        "ipv6_cidr_blocks", List.of("::/0"), "prefix_list_ids", List.of(), "protocol", "tcp",
                        "security_groups", List.of(), "self", false, "to_port", 5432),
                Map.of("cidr_blocks", List.of("10.1.0.0/16"), "description", "", "from_port", 5432,
                        "ipv6_cidr_blocks", List.of(), "prefix_list_ids", List.of(), "protocol", "tcp",
                        "security_groups", List.of("222222222222/sg-peer", "sg-same"), "self", false,
                        "to_port", 5432));
    }

    @Test
    void protocolsAreSpelledAsTheProviderWritesThem() {
        assertThat(SecurityGroupRules.protocol("-1")).isEqualTo("-1");
        assertThat(SecurityGroupRules.protocol("all")).isEqualTo("-1");
        assertThat(SecurityGroupRules.protocol("17")).isEqualTo("udp");
        assertThat(SecurityGroupRules.protocol("1")).isEqualTo("icmp");
        assertThat(SecurityGroupRules.protocol("TCP")).isEqualTo("tcp");
        assertThat(SecurityGroupRules.protocol("50")).isEqualTo("50");
    }

    @Test
    void urlEncodedPolicyDocumentsAreDecodedAndPlainOnesKept() {
        assertThat(PolicyDocuments.decode("%7B%22Sid%22%3A%20%22a+b%22%7D")).isEqualTo("{\"Sid\": \"a+b\"}");
        assertThat(PolicyDocuments.decode("{\"Sid\":\"%7B\"}")).isEqualTo("{\"Sid\":\"%7B\"}");
        assertThat(PolicyDocuments.decode(null)).isNull();
    }
}
