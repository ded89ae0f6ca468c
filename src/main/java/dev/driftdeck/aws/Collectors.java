package dev.driftdeck.aws;

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
        all.addAll(FlowLogCollectors.all());
        all.addAll(Ec2Collectors.all());
        all.addAll(KmsCollectors.all());
        all.addAll(MessagingCollectors.all());
        all.addAll(ResourcePolicyCollectors.all());
        all.addAll(LambdaCollectors.all());
        all.addAll(LoadBalancerCollectors.all());
        all.addAll(DatabaseCollectors.all());
        all.addAll(ContainerCollectors.all());
        all.addAll(MonitoringCollectors.all());
        all.addAll(SecretsCollectors.all());
        all.addAll(AlarmCollectors.all());
        all.addAll(ClassicLoadBalancerCollectors.all());
        all.addAll(EfsCollectors.all());
        all.addAll(AppAutoScalingCollectors.all());
        all.addAll(WebAclCollectors.all());
        all.addAll(S3Collectors.all());
        all.addAll(S3ConfigurationCollectors.all());
        all.addAll(IamCollectors.all());
        all.addAll(IamGroupCollectors.all());
        all.addAll(IamCredentialCollectors.all());
        all.addAll(Route53Collectors.all());
        all.addAll(HealthCheckCollectors.all());
        return List.copyOf(all);
    }

    private static List<TypeSpec> aliases(Map<String, String> canonicalByAlias) {
        return canonicalByAlias.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(alias -> forType(alias.getValue()).orElseThrow().spec().alias(alias.getKey()))
                .toList();
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
