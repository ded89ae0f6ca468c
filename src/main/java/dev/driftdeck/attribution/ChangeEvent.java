package dev.driftdeck.attribution;

import java.time.Instant;
import java.util.Objects;

/**
 * One write call CloudTrail recorded on a resource.
 *
 * @param eventId   CloudTrail's id of the event (the same in Event history and in the trail's files)
 * @param principal the caller's ARN ({@code arn:aws:iam::123456789012:user/alice},
 *                  {@code arn:aws:sts::123456789012:assumed-role/Admin/alice}); the service for an AWS service
 * @param name      who that is in one word: the IAM user name, the role session name, {@code root}, the service
 * @param event     the API call, e.g. {@code AuthorizeSecurityGroupIngress}
 * @param time      when it was called
 * @param sourceIp  the caller's address as CloudTrail saw it (a service name for AWS services), or null
 * @param userAgent the caller's user agent, or null
 * @param via       how the call was made
 */
public record ChangeEvent(String eventId, String principal, String name, String event, Instant time, String sourceIp,
                          String userAgent, Via via) {

    public ChangeEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(via, "via");
    }
}
