package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DocumentIdentifier;
import software.amazon.awssdk.services.ssm.model.DocumentPermissionType;
import dev.driftdeck.remediation.ImportIds;

/**
 * SSM documents the account owns, per region: ListDocuments with {@code Owner=Self} (50 a page, tags included), so
 * the hundreds of documents AWS and others publish are never listed. A managed document costs GetDocument (the
 * {@code $LATEST} content, what the provider reads) and DescribeDocumentPermission (who it is shared with).
 */
final class SsmDocumentCollectors {

    static final String DOCUMENT = "aws_ssm_document";

    private SsmDocumentCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(CollectorDefinition.regional(DOCUMENT)
                .actions("ssm:ListDocuments", "ssm:GetDocument", "ssm:DescribeDocumentPermission")
                .compare("content", JSON_DOCUMENT).compare("document_type", STRING)
                .compare("document_format", CASE_INSENSITIVE).compare("target_type", STRING)
                .compare("version_name", STRING).compare("permissions", STRING).compareTags()
                .notCompared(NotCompared.IDENTITY, "name")
                .notCompared(NotCompared.NOT_RETURNED, "attachments_source")
                .importId(ImportIds.SAME_AS_ID).listedBy(SsmDocumentCollectors::documents));
    }

    private static List<LiveResource> documents(CollectorContext ctx) {
        SsmClient ssm = ctx.session().ssm(ctx.region());
        List<LiveResource> resources = new ArrayList<>();
        for (DocumentIdentifier document : ssm.listDocumentsPaginator(r -> r.maxResults(50)
                .filters(f -> f.key("Owner").values("Self"))).documentIdentifiers()) {
            if (!ctx.manages(DOCUMENT, document.name())) {
                resources.add(ctx.identityOnly(DOCUMENT, document.name()));
                continue;
            }
            String content = ssm.getDocument(r -> r.name(document.name()).documentVersion("$LATEST")
                    .documentFormat(document.documentFormat())).content();
            List<String> sharedWith = ssm.describeDocumentPermission(r -> r.name(document.name())
                    .permissionType(DocumentPermissionType.SHARE)).accountIds();
            resources.add(ctx.resource(DOCUMENT, document.name(), Attributes.of()
                    .put("content", content)
                    .put("document_type", document.documentTypeAsString())
                    .put("document_format", document.documentFormatAsString())
                    .put("target_type", document.targetType())
                    .put("version_name", document.versionName())
                    // The provider's map: {} when the document is shared with nobody
                    .put("permissions", sharedWith.isEmpty() ? Map.of() : Map.of("type", "Share",
                            "account_ids", String.join(",", sharedWith)))
                    .put("tags", Tags.toMap(document.tags(), t -> t.key(), t -> t.value()))
                    .build()));
        }
        return resources;
    }
}
