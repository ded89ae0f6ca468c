package dev.driftdeck.fix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MissingActionsTest {

    @Test
    void aPlainAddressIsForgottenWithARemovedBlockThatDestroysNothing() {
        FixSnippet forget = MissingActions.forget("module.app.aws_sqs_queue.jobs");

        assertThat(forget.language()).isEqualTo(FixSnippet.HCL);
        assertThat(forget.text()).endsWith("""
                removed {
                  from = module.app.aws_sqs_queue.jobs

                  lifecycle {
                    destroy = false
                  }
                }
                """);
    }

    @Test
    void anInstanceKeyCannotBeInARemovedBlockSoItIsAStateRmAndSaysWhy() {
        FixSnippet forget = MissingActions.forget("aws_sqs_queue.q[\"orders\"]");

        assertThat(forget.language()).isEqualTo(FixSnippet.SHELL);
        assertThat(forget.text()).contains("cannot address an instance key")
                .endsWith("terraform state rm 'aws_sqs_queue.q[\"orders\"]'");
        assertThat(MissingActions.recreate("aws_sqs_queue.q[0]")).isEqualTo("terraform apply -target='aws_sqs_queue.q[0]'");
    }
}
