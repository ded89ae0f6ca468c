package dev.driftdeck.aws;

import dev.driftdeck.drift.SupportedType;
import dev.driftdeck.drift.TypeSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The registry of supported resource types: one collector per Terraform type, declared family by family. */
public final class Collectors {

    private static final List<Collector> ALL = register();
    // other names of registered types: no listing of their own, see TypeSpec#aliasOf
    private static final List<TypeSpec> ALIASES = aliases(LoadBalancerCollectors.ALIASES);

    private Collectors() {
    }

    private static List<Collector> register() {
        List<Collector> all = new ArrayList<>();
        all.addAll(VpcCollectors.all());
        all.addAll(SecurityGroupCollectors.all());
        all.addAll(NetworkAclCollectors.all());
        all.addAll(DefaultVpcCollectors.all());
        all.addAll(VpcOptionCollectors.all());
        all.addAll(VpnGatewayCollectors.all());
        all.addAll(VpcBlockPublicAccessCollectors.all());
        all.addAll(FlowLogCollectors.all());
        all.addAll(Ec2Collectors.all());
        all.addAll(KmsCollectors.all());
        all.addAll(MessagingCollectors.all());
        all.addAll(ResourcePolicyCollectors.all());
        all.addAll(DataPolicyCollectors.all());
        all.addAll(LambdaCollectors.all());
        all.addAll(LoadBalancerCollectors.all());
        all.addAll(LoadBalancerChildCollectors.all());
        all.addAll(TrustStoreCollectors.all());
        all.addAll(DatabaseCollectors.all());
        all.addAll(ContainerCollectors.all());
        all.addAll(TaskDefinitionCollectors.all());
        all.addAll(AutoScalingCollectors.all());
        all.addAll(EksCollectors.all());
        all.addAll(CertificateCollectors.all());
        all.addAll(MonitoringCollectors.all());
        all.addAll(LogChildCollectors.all());
        all.addAll(LogPolicyCollectors.all());
        all.addAll(SecretsCollectors.all());
        all.addAll(AlarmCollectors.all());
        all.addAll(MetricStreamCollectors.all());
        all.addAll(ClassicLoadBalancerCollectors.all());
        all.addAll(EfsCollectors.all());
        all.addAll(AppAutoScalingCollectors.all());
        all.addAll(WebAclCollectors.all());
        all.addAll(WebAclAssociationCollectors.all());
        all.addAll(S3Collectors.all());
        all.addAll(S3ConfigurationCollectors.all());
        all.addAll(S3DirectoryBucketCollectors.all());
        all.addAll(IamCollectors.all());
        all.addAll(IamGroupCollectors.all());
        all.addAll(IamCredentialCollectors.all());
        all.addAll(IamIdentityCollectors.all());
        all.addAll(AccountSettingsCollectors.all());
        all.addAll(Route53Collectors.all());
        all.addAll(HealthCheckCollectors.all());
        all.addAll(ApiGatewayCollectors.all());
        all.addAll(ApiGatewayDomainCollectors.all());
        all.addAll(ApiGatewayV2Collectors.all());
        all.addAll(ApiGatewayV2DomainCollectors.all());
        all.addAll(RdsClusterCollectors.all());
        all.addAll(RdsParameterGroupCollectors.all());
        all.addAll(ElastiCacheCollectors.all());
        all.addAll(ElastiCacheSubnetGroupCollectors.all());
        all.addAll(RedshiftSubnetGroupCollectors.all());
        all.addAll(EbsCollectors.all());
        all.addAll(AttachmentCollectors.all());
        all.addAll(KmsGrantCollectors.all());
        all.addAll(KmsReplicaKeyCollectors.all());
        all.addAll(KmsExternalKeyCollectors.all());
        all.addAll(CloudFrontCollectors.all());
        all.addAll(EventBridgeCollectors.all());
        all.addAll(StepFunctionsCollectors.all());
        all.addAll(SsmDocumentCollectors.all());
        all.addAll(SecretVersionCollectors.all());
        all.addAll(LambdaTriggerCollectors.all());
        all.addAll(CloudTrailCollectors.all());
        all.addAll(CloudFormationCollectors.all());
        return List.copyOf(all);
    }

    private static List<TypeSpec> aliases(Map<String, String> canonicalByAlias) {
        return canonicalByAlias.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(alias -> forType(alias.getValue()).orElseThrow().spec().alias(alias.getKey()))
                .toList();
    }

    /** Every supported type with its scope and attribute coverage, aliases after the type they name. */
    public static List<SupportedType> catalog() {
        ProviderArguments schema = ProviderArguments.get();
        List<SupportedType> catalog = new ArrayList<>();
        for (Collector collector : ALL) {
            int arguments = schema.arguments(collector.type()).size();
            int compared = (int) Math.round(schema.coverage(collector) * arguments);
            catalog.add(new SupportedType(collector.type(), collector.global(), compared, arguments, null));
            ALIASES.stream().filter(alias -> alias.aliasOf().equals(collector.type())).forEach(alias ->
                    catalog.add(new SupportedType(alias.type(), collector.global(), compared, arguments, collector.type())));
        }
        return List.copyOf(catalog);
    }

    /** Every collector, regional types first. */
    public static List<Collector> all() {
        return ALL;
    }

    /** The drift engine's view of every supported type, aliases included. */
    public static List<TypeSpec> specs() {
        return Stream.concat(ALL.stream().map(Collector::spec), ALIASES.stream()).toList();
    }

    /** Every Terraform type a state may use that Driftdeck checks: one per collector, and the aliases. */
    public static List<String> supportedTypes() {
        return specs().stream().map(TypeSpec::type).toList();
    }

    /** The collectors for the given types, in registry order; unknown types are ignored (they are NOT_CHECKED). */
    public static List<Collector> forTypes(Collection<String> types) {
        return ALL.stream().filter(collector -> types.contains(collector.type())).toList();
    }

    /** The collector of one type. */
    public static Optional<Collector> forType(String type) {
        return ALL.stream().filter(collector -> collector.type().equals(type)).findFirst();
    }
}
