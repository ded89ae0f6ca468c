package dev.driftdeck.state;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Terraform state (format version 4: Terraform 0.12 and later) into a {@link StateSnapshot}: one
 * {@link StateResource} per managed instance, data sources skipped, sensitive values masked.
 * Thread-safe and stateless.
 */
public final class TfstateParser {

    private static final Logger log = LoggerFactory.getLogger(TfstateParser.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public StateSnapshot parse(Path file) throws StateException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new StateException("State file " + file + " does not exist: check the path or remove the source.", e);
        } catch (IOException e) {
            throw new StateException("State file " + file + " cannot be read (" + e.getMessage()
                    + "): check its permissions.", e);
        }
    }

    /** @param sourceUri where the bytes came from; it names the source in every resource and error message */
    public StateSnapshot parse(InputStream in, String sourceUri) throws StateException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new StateException("State " + sourceUri + " is not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + "): is it a tfstate file?", e);
        } catch (IOException e) {
            throw new StateException("State " + sourceUri + " cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new StateException("State " + sourceUri + " is empty or not a JSON object: is it a tfstate file?");
        }
        checkVersion(root, sourceUri);
        List<StateResource> resources = resources(root.path("resources"), sourceUri);
        log.debug("Parsed {}: serial {}, {} managed instances", sourceUri, root.path("serial").asLong(),
                resources.size());
        return new StateSnapshot(sourceUri, root.path("serial").asLong(), textOrNull(root.path("lineage")),
                textOrNull(root.path("terraform_version")), resources);
    }

    private static void checkVersion(JsonNode root, String sourceUri) throws StateException {
        JsonNode version = root.path("version");
        if (!version.isNumber()) {
            throw new StateException("State " + sourceUri + " has no \"version\" field: it is not a tfstate file.");
        }
        if (version.intValue() < 4) {
            throw new StateException("State " + sourceUri + " uses state format " + version.intValue()
                    + " (Terraform " + textOrNull(root.path("terraform_version")) + "); Driftdeck reads format 4, "
                    + "written by Terraform 0.12 and later. Run any terraform command with 0.12+ to upgrade it.");
        }
        if (version.intValue() > 4) {
            throw new StateException("State " + sourceUri + " uses state format " + version.intValue()
                    + ", newer than this Driftdeck understands (4). Update Driftdeck.");
        }
    }

    private static List<StateResource> resources(JsonNode resources, String sourceUri) throws StateException {
        List<StateResource> result = new ArrayList<>();
        for (JsonNode resource : resources) {
            if (!"managed".equals(resource.path("mode").asText())) {
                continue; // data sources are read-only views, not something Terraform manages
            }
            String module = resource.path("module").asText("");
            String type = resource.path("type").asText();
            String name = resource.path("name").asText();
            for (JsonNode instance : resource.path("instances")) {
                if (!instance.path("deposed").isMissingNode()) {
                    continue; // a deposed object is pending destruction; its replacement is the current one
                }
                result.add(instance(sourceUri, module, type, name, instance));
            }
        }
        return result;
    }

    private static StateResource instance(String sourceUri, String module, String type, String name,
                                          JsonNode instance) throws StateException {
        String address = ResourceAddress.of(module, type, name, instance.get("index_key"));
        JsonNode attributes = instance.path("attributes");
        if (!attributes.isObject()) {
            if (instance.has("attributes_flat")) {
                throw new StateException("State " + sourceUri + ": " + address + " stores flat attributes "
                        + "(a provider older than Terraform 0.12 wrote it). Run terraform refresh with a current "
                        + "provider to upgrade it.");
            }
            attributes = JSON.createObjectNode();
        }
        ObjectNode masked = (ObjectNode) attributes;
        SensitiveMasker.mask(type, masked, instance.get("sensitive_attributes"));
        return new StateResource(address, module, type, name, textOrNull(masked.path("id")), sourceUri,
                JsonValues.map(masked));
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
