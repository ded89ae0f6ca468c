package dev.driftdeck.state;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Terraform or OpenTofu state (format version 4: Terraform 0.12 and later) into a {@link StateSnapshot}:
 * one {@link StateResource} per managed instance, data sources and deposed objects skipped, secrets masked.
 * Streams the top level, so only one resource block is in memory at a time and outputs (which may be sensitive)
 * are never materialised. Thread-safe and stateless.
 */
public final class TfStateParser {

    private static final Logger log = LoggerFactory.getLogger(TfStateParser.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int SUPPORTED_VERSION = 4;

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
        try (JsonParser json = JSON.createParser(in)) {
            return read(json, sourceUri);
        } catch (JacksonException e) {
            throw new StateException(BrokenJson.explain(sourceUri, e), e);
        } catch (CharConversionException e) {
            throw new StateException(BrokenJson.explain(sourceUri, e), e);
        } catch (IOException e) {
            throw new StateException("State " + sourceUri + " cannot be read: " + e.getMessage(), e);
        }
    }

    private StateSnapshot read(JsonParser json, String sourceUri) throws IOException, StateException {
        JsonToken first = json.nextToken();
        if (first == null) {
            throw new StateException("State " + sourceUri + " is empty: was it written completely? "
                    + "Run terraform state pull to get a current copy.");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new StateException("State " + sourceUri + " is JSON but not an object: it is not a tfstate file.");
        }
        Header header = new Header();
        List<StateResource> resources = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "version" -> header.version = json.currentToken().isNumeric() ? json.getIntValue() : -1;
                case "serial" -> header.serial = json.getValueAsLong();
                case "lineage" -> header.lineage = json.getValueAsString();
                case "terraform_version" -> header.terraformVersion = json.getValueAsString();
                case "encrypted_data", "encryption_version" -> {
                    header.encrypted = true;
                    json.skipChildren();
                }
                case "resources" -> {
                    checkFormat(header, sourceUri); // Terraform writes the header first: fail before the bulk
                    resources = resources(json, sourceUri);
                }
                default -> json.skipChildren(); // outputs and check results: not needed, and outputs may be secret
            }
        }
        checkFormat(header, sourceUri);
        if (resources == null) {
            throw new StateException("State " + sourceUri + " has no \"resources\" list: it is not a complete "
                    + "tfstate file. Run terraform state pull to get one.");
        }
        log.debug("Parsed {}: serial {}, {} managed instances", sourceUri, header.serial, resources.size());
        return new StateSnapshot(sourceUri, header.serial, header.lineage, header.terraformVersion, resources);
    }

    private static void checkFormat(Header header, String sourceUri) throws StateException {
        if (header.encrypted) {
            throw new StateException("State " + sourceUri + " is encrypted (OpenTofu state encryption): Driftdeck "
                    + "reads plain state. Point the source at a decrypted copy (tofu state pull > file).");
        }
        if (header.version == null) {
            throw new StateException("State " + sourceUri + " has no \"version\" field: it is not a tfstate file.");
        }
        if (header.version != SUPPORTED_VERSION) {
            throw new StateException("State " + sourceUri + " uses state format version " + header.version
                    + (header.terraformVersion == null ? "" : " (written by Terraform " + header.terraformVersion + ")")
                    + "; Driftdeck reads version 4 (Terraform >= 0.12). "
                    + (header.version < SUPPORTED_VERSION
                            ? "Upgrade it by running terraform 0.12 or later against it."
                            : "Update Driftdeck to read it."));
        }
    }

    private static List<StateResource> resources(JsonParser json, String sourceUri) throws IOException, StateException {
        if (json.currentToken() != JsonToken.START_ARRAY) {
            throw new StateException("State " + sourceUri + ": \"resources\" is not a list: the file is damaged.");
        }
        List<StateResource> result = new ArrayList<>();
        while (json.nextToken() == JsonToken.START_OBJECT) {
            JsonNode resource = json.readValueAsTree();
            StateInstances.read(resource, sourceUri, result);
        }
        return result;
    }

    /** The top-level fields, which may arrive in any order. */
    private static final class Header {
        Integer version;
        long serial;
        String lineage;
        String terraformVersion;
        boolean encrypted;
    }
}
