package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.AttributeRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The provider's schema is the reference for depth: every argument of every supported type is either compared or
 * named as not compared with a reason, and nothing is claimed for an attribute the provider does not have.
 */
class EveryArgumentAccountedForTest {

    private final ProviderArguments schema = ProviderArguments.get();

    @Test
    void everySupportedTypeIsAProviderType() {
        assertThat(Collectors.supportedTypes()).allSatisfy(type -> assertThat(schema.knows(type))
                .as("%s is a resource type of hashicorp/aws %s", type, schema.version()).isTrue());
    }

    @Test
    void everyArgumentIsComparedOrNamedAsNotComparedWithAReason() {
        List<String> unaccounted = new ArrayList<>();
        for (Collector collector : Collectors.all()) {
            schema.unaccounted(collector).forEach(argument -> unaccounted.add(collector.type() + "." + argument));
        }
        assertThat(unaccounted).as("arguments neither compared nor listed as not compared (with a reason)").isEmpty();
    }

    @Test
    void comparedAndNotComparedNamesAreTheProvidersAttributes() {
        List<String> unknown = new ArrayList<>();
        for (Collector collector : Collectors.all()) {
            var attributes = schema.attributes(collector.type());
            collector.spec().compared().stream().map(AttributeRule::name)
                    .filter(name -> !attributes.containsKey(name))
                    .forEach(name -> unknown.add(collector.type() + "." + name + " (compared)"));
            collector.notCompared().stream().map(NotCompared::attribute)
                    .filter(name -> !attributes.containsKey(name))
                    .forEach(name -> unknown.add(collector.type() + "." + name + " (not compared)"));
        }
        assertThat(unknown).as("names the provider's schema does not have").isEmpty();
    }

    @Test
    void anAttributeIsNotBothComparedAndNotCompared() {
        List<String> both = new ArrayList<>();
        for (Collector collector : Collectors.all()) {
            var compared = collector.spec().compared().stream().map(AttributeRule::name).toList();
            collector.notCompared().stream().map(NotCompared::attribute).filter(compared::contains)
                    .forEach(name -> both.add(collector.type() + "." + name));
        }
        assertThat(both).isEmpty();
    }
}
