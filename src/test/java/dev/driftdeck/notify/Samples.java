package dev.driftdeck.notify;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.risk.Risk;
import dev.driftdeck.risk.Severity;
import java.util.List;

/** Findings as a scan of the "done means" case gives them: a security group opened to the world. */
final class Samples {

    static final String HTTPS = """
            {"cidr_blocks":["0.0.0.0/0"],"from_port":443,"protocol":"tcp","self":false,"to_port":443}""";
    static final String SSH = """
            {"cidr_blocks":["0.0.0.0/0"],"from_port":22,"protocol":"tcp","self":false,"to_port":22}""";

    private Samples() {
    }

    /** aws_security_group.web: ingress tcp 22 from 0.0.0.0/0 added outside Terraform, graded HIGH (DD-SG-001). */
    static Finding openedGroup() {
        return new Finding(FindingStatus.CHANGED, "aws_security_group", "sg-0a1b2c", "aws_security_group.web",
                "123456789012", "eu-west-1", "states/web.tfstate", List.of(new AttributeDiff(List.of("ingress"),
                "[" + HTTPS + "]", "[" + HTTPS + "," + SSH + "]", DiffKind.CHANGED)), null)
                .withRisks(List.of(new Risk("DD-SG-001", Severity.HIGH, "SSH (22) open to the internet (0.0.0.0/0)",
                        "Anyone can try passwords.", "Remove the rule.", List.of("EC2.13"), Risk.Effect.INTRODUCED)));
    }

    static Finding unmanagedQueue() {
        return new Finding(FindingStatus.UNMANAGED, "aws_sqs_queue", "https://sqs.eu-west-1.amazonaws.com/123456789012/stray",
                null, "123456789012", "eu-west-1", null, List.of(), null);
    }

    static Finding inSync(Finding drifted) {
        return new Finding(FindingStatus.IN_SYNC, drifted.type(), drifted.id(), drifted.address(), drifted.account(),
                drifted.region(), drifted.source(), List.of(), null);
    }
}
