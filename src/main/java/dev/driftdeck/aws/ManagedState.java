package dev.driftdeck.aws;

import java.util.Map;
import java.util.Set;

/**
 * What the states manage, by type then match id, with the state attributes. Collectors use it to spend detail
 * calls only on managed resources (the brief's pagination floor) and to rebuild ids Terraform generates.
 */
public record ManagedState(Map<String, Map<String, Map<String, Object>>> byType) {

    public static final ManagedState NONE = new ManagedState(Map.of());

    public ManagedState {
        byType = Map.copyOf(byType);
    }

    /** The managed match ids of a type. */
    public Set<String> ids(String type) {
        return byType.getOrDefault(type, Map.of()).keySet();
    }

    public boolean manages(String type, String id) {
        return ids(type).contains(id);
    }

    /** Managed resources of a type: match id to state attributes. */
    public Map<String, Map<String, Object>> resources(String type) {
        return byType.getOrDefault(type, Map.of());
    }
}
