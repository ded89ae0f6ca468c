package dev.driftdeck.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a query-protocol XML response into the JSON tree the other protocols give, so collectors read all three
 * alike: an element with children is an object, a list ({@code <member>} children) an array, a leaf its text
 * (numbers and booleans stay text; {@code asInt()}/{@code asBoolean()} parse them). An empty list is an empty text,
 * which iterates as nothing.
 */
final class QueryXml {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QueryXml() {
    }

    /** The root element of {@code xml} as JSON (DOCTYPEs refused: AWS never sends one). */
    static JsonNode parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return toJson(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement());
        } catch (Exception e) {
            throw new IllegalStateException("The response is not the XML the query protocol sends: " + e.getMessage(), e);
        }
    }

    private static JsonNode toJson(Element element) {
        List<Element> children = children(element);
        if (children.isEmpty()) {
            return JSON.textNode(element.getTextContent().strip());
        }
        if (children.stream().allMatch(child -> child.getTagName().equals("member"))) {
            ArrayNode array = JSON.arrayNode();
            children.forEach(child -> array.add(toJson(child)));
            return array;
        }
        ObjectNode object = JSON.objectNode();
        children.forEach(child -> object.set(child.getTagName(), toJson(child)));
        return object;
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }
}
