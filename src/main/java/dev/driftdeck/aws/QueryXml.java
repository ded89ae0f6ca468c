package dev.driftdeck.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a query-protocol XML response into the JSON tree the other protocols give, so collectors read all three
 * alike: an element with children is an object, a list ({@code <member>} children) an array, a leaf its text
 * (numbers and booleans stay text; {@code asInt()}/{@code asBoolean()} parse them). An empty list is an empty text,
 * which iterates as nothing. Some query APIs (Redshift) name their list items after the shape
 * ({@code <Subnets><Subnet>}); the caller names those items, since one item alone looks like an object.
 */
final class QueryXml {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QueryXml() {
    }

    /** The root element of {@code xml} as JSON (DOCTYPEs refused: AWS never sends one). */
    static JsonNode parse(byte[] xml) {
        return parse(xml, Set.of());
    }

    /** As {@link #parse(byte[])}, with elements named in {@code listItems} read as list items too. */
    static JsonNode parse(byte[] xml, Set<String> listItems) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return toJson(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement(),
                    listItems);
        } catch (Exception e) {
            throw new IllegalStateException("The response is not the XML the query protocol sends: " + e.getMessage(), e);
        }
    }

    private static JsonNode toJson(Element element, Set<String> listItems) {
        List<Element> children = children(element);
        if (children.isEmpty()) {
            return JSON.textNode(element.getTextContent().strip());
        }
        if (children.stream().allMatch(child -> child.getTagName().equals("member")
                || listItems.contains(child.getTagName()))) {
            ArrayNode array = JSON.arrayNode();
            children.forEach(child -> array.add(toJson(child, listItems)));
            return array;
        }
        ObjectNode object = JSON.objectNode();
        children.forEach(child -> object.set(child.getTagName(), toJson(child, listItems)));
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
