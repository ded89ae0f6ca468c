package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.STRING;
import static dev.driftdeck.drift.Normalization.TAGS;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.util.List;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/** {@code aws_iam_user}, id = user name. ListUsers does not return tags: one GetUser per user. */
final class IamUserCollector implements Collector {

    static final String TYPE = "aws_iam_user";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public TypeSpec spec() {
        return new TypeSpec(TYPE, List.of(), List.of(
                new AttributeRule("path", STRING),
                new AttributeRule("tags", TAGS)));
    }

    @Override
    public List<String> iamActions() {
        return List.of("iam:ListUsers", "iam:GetUser");
    }

    @Override
    public List<LiveResource> list(CollectorContext ctx) {
        return ctx.iam().listUsersPaginator().users().stream()
                .map(listed -> ctx.iam().getUser(r -> r.userName(listed.userName())).user())
                .map(user -> ctx.resource(TYPE, user.userName(), attributes(user)))
                .toList();
    }

    private static java.util.Map<String, Object> attributes(User user) {
        return Attributes.of()
                .put("path", user.path())
                .put("tags", Tags.toMap(user.tags(), Tag::key, Tag::value))
                .build();
    }
}
