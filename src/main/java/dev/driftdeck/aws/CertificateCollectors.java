package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.CertificateType;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.acm.model.Tag;
import dev.driftdeck.remediation.ImportIds;

/**
 * ACM certificates, per region, by ARN (Terraform's id). ListCertificates pages 1,000 summaries of every key type
 * (without the filter AWS lists RSA-1024 and RSA-2048 certificates only); DescribeCertificate and
 * ListTagsForCertificate run per managed certificate. Never GetCertificate or ExportCertificate: neither the body nor
 * any private key is read.
 */
final class CertificateCollectors {

    static final String CERTIFICATE = "aws_acm_certificate";
    private static final int PAGE = 1000;

    private CertificateCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(CollectorDefinition.regional(CERTIFICATE)
                .actions("acm:ListCertificates", "acm:DescribeCertificate", "acm:ListTagsForCertificate")
                .compare("domain_name", STRING).compare("subject_alternative_names", SET)
                .compare("validation_method", STRING).compare("key_algorithm", CASE_INSENSITIVE)
                .compare("options", SET).compare("certificate_authority_arn", STRING).compareTags()
                .notCompared(NotCompared.WRITE_ONLY_SECRET, "private_key")
                .notCompared(NotCompared.costsACall("GetCertificate"), "certificate_body", "certificate_chain")
                .notCompared(NotCompared.NOT_RETURNED, "early_renewal_duration")
                .notCompared(NotCompared.CREATE_ONLY, "validation_option")
                .importId(ImportIds.SAME_AS_ID).listedBy(CertificateCollectors::certificates));
    }

    private static List<LiveResource> certificates(CollectorContext ctx) {
        AcmClient acm = ctx.session().acm(ctx.region());
        List<LiveResource> certificates = new ArrayList<>();
        for (CertificateSummary summary : acm.listCertificatesPaginator(r -> r.maxItems(PAGE)
                .includes(f -> f.keyTypes(KeyAlgorithm.knownValues()))).certificateSummaryList()) {
            String arn = summary.certificateArn();
            if (!ctx.manages(CERTIFICATE, arn)) {
                certificates.add(ctx.identityOnly(CERTIFICATE, arn));
                continue;
            }
            CertificateDetail detail;
            List<Tag> tags;
            try {
                detail = acm.describeCertificate(r -> r.certificateArn(arn)).certificate();
                tags = acm.listTagsForCertificate(r -> r.certificateArn(arn)).tags();
            } catch (ResourceNotFoundException deletedSinceListed) {
                continue;
            }
            certificates.add(ctx.resource(CERTIFICATE, arn, attributes(detail, tags)));
        }
        return certificates;
    }

    private static Map<String, Object> attributes(CertificateDetail detail, List<Tag> tags) {
        String keyAlgorithm = detail.keyAlgorithmAsString();
        return Attributes.of()
                .put("domain_name", detail.domainName())
                .put("subject_alternative_names", detail.subjectAlternativeNames())
                .put("validation_method", validationMethod(detail))
                // DescribeCertificate writes RSA-2048 where the request (and the state) say RSA_2048.
                .put("key_algorithm", keyAlgorithm == null ? null : keyAlgorithm.replace('-', '_'))
                // Only the option provider 5.100 has (AWS now also returns the export option).
                .put("options", detail.options() == null ? List.of() : List.of(Attributes.of()
                        .put("certificate_transparency_logging_preference",
                                detail.options().certificateTransparencyLoggingPreferenceAsString())
                        .build()))
                .put("certificate_authority_arn", detail.certificateAuthorityArn())
                .put("tags", Tags.toMap(tags, Tag::key, Tag::value))
                .build();
    }

    /** As the provider reads it: an Amazon-issued certificate's method, NONE for an imported or private one. */
    private static String validationMethod(CertificateDetail detail) {
        if (detail.type() == CertificateType.AMAZON_ISSUED) {
            for (DomainValidation validation : detail.domainValidationOptions()) {
                if (validation.validationMethod() != null) {
                    return validation.validationMethodAsString();
                }
            }
        }
        return "NONE";
    }
}
