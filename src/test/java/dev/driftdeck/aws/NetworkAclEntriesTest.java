package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkAclEntriesTest {

    // Ids hashicorp/aws 5.100.0 wrote for fixtures/terraform/network's rules in ACL acl-fd92da8f769906912.
    @Test
    void ruleIdsAreTheProvidersForTheProtocolAsConfigured() {
        assertThat(NetworkAclEntries.ruleId("acl-fd92da8f769906912", 100, false, "tcp")).isEqualTo("nacl-2772892740");
        assertThat(NetworkAclEntries.ruleId("acl-fd92da8f769906912", 101, false, "6")).isEqualTo("nacl-4181007376");
        assertThat(NetworkAclEntries.ruleId("acl-fd92da8f769906912", 100, true, "-1")).isEqualTo("nacl-2764509263");
    }

    @Test
    void entriesAreKeyedByAclDirectionAndNumberWhateverTheStateNumberType() {
        assertThat(NetworkAclEntries.entryKey("acl-1", true, 100.0)).isEqualTo(NetworkAclEntries.entryKey("acl-1", "true", 100))
                .isEqualTo("acl-1/true/100");
        assertThat(NetworkAclEntries.protocolNumber("tcp")).isEqualTo("6");
        assertThat(NetworkAclEntries.protocolNumber("-1")).isEqualTo("-1");
    }
}
